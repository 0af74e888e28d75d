package world

// SCB's code tables for the Swedish units, as the SCB simulator serves
// them through kodtabell and writes them into the sector file. Each
// function returns a new slice.
//
// [L] the legal forms (JURFORM) are registries.md §1.2's list. [U] the
// sector codes (INSEKT 2014) and owner categories (ÄGAR) are the
// sandbox's own plausible tables: the digest could not recover SCB's
// (MIS 2014:1), and a client must read them from kodtabell, not hard-code
// them. The SNI 2007 codes and municipality codes are real codes with
// their Swedish texts, a small selection.

// SELegalForms returns the legal forms (Juridisk form, JURFORM).
func SELegalForms() []Code {
	return []Code{
		{"10", "Fysiska personer"}, {"21", "Enkla bolag"}, {"22", "Partrederier"}, {"23", "Värdepappersfonder"},
		{"31", "Handelsbolag, kommanditbolag"}, {"32", "Gruvbolag"}, {"41", "Bankaktiebolag"}, {"42", "Försäkringsaktiebolag"},
		{"43", "Europabolag"}, {"49", "Övriga aktiebolag"}, {"51", "Ekonomiska föreningar"}, {"53", "Bostadsrättsföreningar"},
		{"54", "Kooperativa hyresrättsföreningar"}, {"61", "Ideella föreningar"}, {"62", "Samfälligheter"},
		{"63", "Registrerade trossamfund"}, {"71", "Familjestiftelser"}, {"72", "Övriga stiftelser och fonder"},
		{"81", "Statliga enheter"}, {"82", "Kommuner"}, {"83", "Kommunalförbund"}, {"84", "Regioner"},
		{"87", "Offentliga korporationer och anstalter"}, {"88", "Hypoteksföreningar"}, {"91", "Oskiftade dödsbon"},
		{"92", "Ömsesidiga försäkringsbolag"}, {"93", "Sparbanker"}, {"94", "Understödsföreningar"},
		{"95", "Arbetslöshetskassor"}, {"96", "Utländska juridiska personer"},
		{"98", "Övriga svenska juridiska personer bildade enligt särskild lagstiftning"}, {"99", "Juridisk form ej utredd"},
	}
}

// SESectors returns the institutional sectors (Sektor, INSEKT 2014). [U]
func SESectors() []Code {
	return []Code{
		{"111000", "Statliga icke-finansiella bolag"}, {"112000", "Kommunala icke-finansiella bolag"},
		{"113000", "Bostadsrättsföreningar"}, {"114000", "Övriga icke-finansiella bolag"},
		{"121000", "Riksbanken"}, {"122100", "Banker"}, {"123000", "Värdepappersfonder"},
		{"124000", "Övriga finansiella institut"}, {"125100", "Försäkringsföretag"},
		{"131110", "Statliga myndigheter"}, {"131311", "Kommuner och kommunalförbund"}, {"131312", "Regioner"},
		{"141000", "Företagarhushåll med anställda"}, {"142000", "Företagarhushåll utan anställda"},
		{"143000", "Övriga hushåll"}, {"151000", "Hushållens icke-vinstdrivande organisationer"},
		{"200000", "Utlandet"},
	}
}

// SEOwnerCategories returns the owner categories (Ägarkategori). [U]
func SEOwnerCategories() []Code {
	return []Code{
		{"10", "Statligt ägda"}, {"20", "Kommunalt ägda"}, {"30", "Regionägda"},
		{"41", "Svenskt privatägda, ej i koncern"}, {"42", "Svenskt privatägda, i svensk koncern"},
		{"50", "Utlandsägda"}, {"60", "Övriga, ej ägarkategoriserade"},
	}
}

// SNICodes returns the industries (Bransch, SNI 2007, five digits) the
// world uses, with their texts.
func SNICodes() []Code {
	return []Code{
		{"00000", "Uppgift saknas"},
		{"01110", "Odling av spannmål (utom ris), baljväxter och oljeväxter"},
		{"01700", "Jakt och service i anslutning till jakt"},
		{"02200", "Drivning"},
		{"07100", "Järnmalmsutvinning"},
		{"25620", "Metallegoarbeten"},
		{"35130", "Distribution av elektricitet"},
		{"41200", "Byggande av bostadshus och andra byggnader"},
		{"42110", "Anläggning av vägar och motorvägar"},
		{"43210", "Elinstallationer"},
		{"43320", "Byggnadssnickeriarbeten"},
		{"45200", "Underhåll och reparation av motorfordon utom motorcyklar"},
		{"46900", "Icke specialiserad partihandel"},
		{"47190", "Annan detaljhandel med brett sortiment"},
		{"47710", "Detaljhandel med kläder"},
		{"49320", "Taxitrafik"},
		{"49410", "Vägtransport, godstrafik"},
		{"50203", "Övrig sjötransport av gods över hav och kust"},
		{"52220", "Stödtjänster till sjötransport"},
		{"52290", "Övriga stödtjänster till transport"},
		{"55101", "Hotellverksamhet med restaurangrörelse"},
		{"56100", "Restaurangverksamhet"},
		{"62010", "Dataprogrammering"},
		{"62020", "Datakonsultverksamhet"},
		{"64190", "Annan monetär finansförmedling"},
		{"64202", "Holdingverksamhet i icke-finansiella koncerner"},
		{"64301", "Värdepappersfonder"},
		{"64303", "Investeringsfonder"},
		{"64920", "Annan kreditgivning"},
		{"65120", "Skadeförsäkring"},
		{"65300", "Pensionsfondsverksamhet"},
		{"68201", "Uthyrning och förvaltning av egna eller arrenderade bostäder"},
		{"68203", "Uthyrning och förvaltning av egna eller arrenderade, andra lokaler"},
		{"69201", "Redovisning och bokföring"},
		{"70220", "Konsultverksamhet avseende företags organisation"},
		{"71120", "Teknisk konsultverksamhet inom bygg- och anläggningsteknik"},
		{"74102", "Grafisk designverksamhet"},
		{"81210", "Lokalvård"},
		{"84111", "Stats- och kommunledning, lagstiftning och övergripande planering"},
		{"84130", "Administration av näringslivsprogram"},
		{"84250", "Brand- och räddningsverksamhet"},
		{"84300", "Obligatorisk socialförsäkring"},
		{"85600", "Stödverksamhet för utbildningsväsendet"},
		{"86101", "Sluten somatisk specialistsjukvård på sjukhus"},
		{"86230", "Tandläkarverksamhet"},
		{"90030", "Konstnärlig och litterär skapande verksamhet"},
		{"91020", "Museiverksamhet"},
		{"93120", "Idrottsklubbars och idrottsföreningars verksamhet"},
		{"94910", "Religiösa samfunds verksamhet"},
		{"96021", "Hårvård"},
		{"96022", "Skönhetsvård"},
	}
}

// SEMunicipalities returns the seat municipalities (Säteskommun) the world
// uses; the first two digits of a code are its county (län).
func SEMunicipalities() []Code {
	return []Code{
		{"0180", "Stockholm"}, {"0181", "Södertälje"}, {"0380", "Uppsala"}, {"0509", "Ödeshög"}, {"0580", "Linköping"},
		{"0882", "Oskarshamn"}, {"1280", "Malmö"}, {"1286", "Ystad"}, {"1480", "Göteborg"}, {"1880", "Örebro"},
		{"1984", "Arboga"}, {"2034", "Orsa"}, {"2161", "Ljusdal"}, {"2281", "Sundsvall"}, {"2480", "Umeå"},
		{"2580", "Luleå"}, {"2584", "Kiruna"},
	}
}

// SECounties returns the counties (Säteslän) of SEMunicipalities.
func SECounties() []Code {
	return []Code{
		{"01", "Stockholms län"}, {"03", "Uppsala län"}, {"05", "Östergötlands län"}, {"08", "Kalmar län"},
		{"12", "Skåne län"}, {"14", "Västra Götalands län"}, {"18", "Örebro län"}, {"19", "Västmanlands län"},
		{"20", "Dalarnas län"}, {"21", "Gävleborgs län"}, {"22", "Västernorrlands län"}, {"24", "Västerbottens län"},
		{"25", "Norrbottens län"},
	}
}

// CodeText returns the text of code in codes, or "".
func CodeText(codes []Code, code string) string {
	for _, c := range codes {
		if c.Code == code {
			return c.Description
		}
	}
	return ""
}
