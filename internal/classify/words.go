package classify

import "github.com/motpart/motpart/internal/ident"

// Words are the texts the output adds: the headers of the added columns,
// the match statuses and the reasons. Empty fields take the English of
// DefaultWords.
type Words struct {
	PeOrgNr, SectorCode, Sector, LegalFormCode, LegalForm string
	OwnerCategoryCode, OwnerCategory, SNI, Status, Reason string

	// The statuses.
	Matched, NotInFile, Invalid, SoleTrader string

	// The reasons: a private person's number (not a sole trader's), a
	// blank cell, and the ident reasons.
	PrivatePerson, Empty, Length, Format, Checksum, Date string
}

// DefaultWords returns the English Words.
func DefaultWords() Words {
	return Words{
		PeOrgNr: "PeOrgNr", SectorCode: "Sector code", Sector: "Sector",
		LegalFormCode: "Legal form code", LegalForm: "Legal form",
		OwnerCategoryCode: "Owner category code", OwnerCategory: "Owner category",
		SNI: "SNI", Status: "Match", Reason: "Reason",
		Matched: "matched", NotInFile: "not in the sector file", Invalid: "invalid number",
		SoleTrader:    "sole trader (personal number)",
		PrivatePerson: "a personal number that is not a sole trader's",
		Empty:         "no number", Length: reasonText(ident.ReasonLength),
		Format: reasonText(ident.ReasonFormat), Checksum: reasonText(ident.ReasonChecksum),
		Date: reasonText(ident.ReasonDate),
	}
}

// withDefaults fills the empty fields of w from DefaultWords.
func (w *Words) withDefaults() Words {
	d := DefaultWords()
	if w == nil {
		return d
	}
	out := *w
	for _, f := range []struct {
		dst *string
		def string
	}{
		{&out.PeOrgNr, d.PeOrgNr}, {&out.SectorCode, d.SectorCode}, {&out.Sector, d.Sector},
		{&out.LegalFormCode, d.LegalFormCode}, {&out.LegalForm, d.LegalForm},
		{&out.OwnerCategoryCode, d.OwnerCategoryCode}, {&out.OwnerCategory, d.OwnerCategory},
		{&out.SNI, d.SNI}, {&out.Status, d.Status}, {&out.Reason, d.Reason},
		{&out.Matched, d.Matched}, {&out.NotInFile, d.NotInFile}, {&out.Invalid, d.Invalid},
		{&out.SoleTrader, d.SoleTrader}, {&out.PrivatePerson, d.PrivatePerson}, {&out.Empty, d.Empty},
		{&out.Length, d.Length}, {&out.Format, d.Format}, {&out.Checksum, d.Checksum}, {&out.Date, d.Date},
	} {
		if *f.dst == "" {
			*f.dst = f.def
		}
	}
	return out
}

func (w *Words) reason(r ident.Reason) string {
	switch r {
	case ident.ReasonLength:
		return w.Length
	case ident.ReasonChecksum:
		return w.Checksum
	case ident.ReasonDate:
		return w.Date
	}
	return w.Format
}
