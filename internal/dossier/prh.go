package dossier

// FinnishFacts is what only PRH's open data says of a Finnish company:
// its names with their history, its EU ID, the registers it is entered
// in, and its situations (restructuring, liquidation, bankruptcy) with
// their dates. Codes are PRH's, texts in the register's languages.
type FinnishFacts struct {
	// EUID is the company's European unique identifier.
	EUID string `json:"euid,omitempty"`
	// Names are every name PRH gives, current and earlier, in its order.
	Names []FinnishName `json:"names,omitempty"`
	// Situations are the restructurings, liquidations and bankruptcies,
	// ended ones too.
	Situations []FinnishSituation `json:"situations,omitempty"`
	// Registers are the entries in the registers (trade register, VAT
	// register...), ended ones too.
	Registers []FinnishRegister `json:"registers,omitempty"`
	// TradeRegisterStatus and Status are PRH's codes as given (code lists
	// REK_KDI and STATUS3).
	TradeRegisterStatus string `json:"trade_register_status,omitempty"`
	Status              string `json:"status,omitempty"`
	// LastModified is when PRH last changed the company's data, as given.
	LastModified string `json:"last_modified,omitempty"`
}

// Kinds of a Finnish name (PRH's name types).
const (
	NameTrade     = "trade"     // toiminimi, the company's name
	NameParallel  = "parallel"  // rinnakkaistoiminimi, the name in another language
	NameAuxiliary = "auxiliary" // aputoiminimi, a name for a line of business
)

// FinnishName is one of a Finnish company's names.
type FinnishName struct {
	Name string `json:"name"`
	// Kind is NameTrade, NameParallel or NameAuxiliary; Type PRH's code.
	Kind string `json:"kind,omitempty"`
	Type string `json:"type,omitempty"`
	// From and To bound the time the name was used (YYYY-MM-DD); To is
	// "" for a name in use.
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
}

// Finnish situations.
const (
	SituationRestructuring = "restructuring" // SANE
	SituationLiquidation   = "liquidation"   // SELTILA
	SituationBankruptcy    = "bankruptcy"    // KONK
)

// FinnishSituation is a restructuring, liquidation or bankruptcy.
type FinnishSituation struct {
	// Kind is one of the Situation* constants; Type PRH's code.
	Kind string `json:"kind,omitempty"`
	Type string `json:"type"`
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
}

// FinnishRegister is an entry in one register.
type FinnishRegister struct {
	// Register and Authority are PRH's codes; Description the entry's
	// text.
	Register    string `json:"register"`
	Authority   string `json:"authority,omitempty"`
	Type        string `json:"type,omitempty"`
	Description string `json:"description,omitempty"`
	From        string `json:"from,omitempty"`
	To          string `json:"to,omitempty"`
}
