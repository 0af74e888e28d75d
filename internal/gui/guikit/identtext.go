package guikit

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"github.com/motpart/motpart/internal/ident"
)

// KindName is a kind of number in the user's words.
func KindName(k ident.Kind) string {
	switch k {
	case ident.NOOrgNr:
		return lang.L("Norwegian organisation number")
	case ident.NOFnr:
		return lang.L("Norwegian national identity number")
	case ident.NODnr:
		return lang.L("Norwegian D number")
	case ident.SEOrgNr:
		return lang.L("Swedish organisation number")
	case ident.SEPnr:
		return lang.L("Swedish personal identity number")
	case ident.SESamordningsnr:
		return lang.L("Swedish coordination number")
	case ident.FIYTunnus:
		return lang.L("Finnish business ID")
	case ident.DUNS:
		return lang.L("DUNS number")
	}
	return lang.L("Unknown kind of number")
}

// CountryName is a country in the user's words.
func CountryName(c ident.Country) string {
	switch c {
	case ident.CountryNO:
		return lang.L("Norway")
	case ident.CountrySE:
		return lang.L("Sweden")
	case ident.CountryFI:
		return lang.L("Finland")
	}
	return ""
}

// VerdictText says in one sentence what a typed number is and, when it is
// not valid, why not.
func VerdictText(n ident.Number, err error) string {
	if err == nil {
		return lang.L("{{.Kind}}: valid.", map[string]any{"Kind": KindName(n.Kind())})
	}
	var id *ident.ParseError
	if !errors.As(err, &id) {
		return ProblemText(err)
	}
	if id.Kind == ident.KindUnknown {
		switch id.Reason {
		case ident.ReasonLength:
			return lang.L("No Nordic number has this many digits.")
		default:
			return lang.L("This is not a number Motpart knows: use digits, with spaces or hyphens if you like.")
		}
	}
	data := map[string]any{"Kind": KindName(id.Kind)}
	if id.Synthetic {
		return lang.L("{{.Kind}}: this is a synthetic test number, accepted only with sandbox data.", data)
	}
	switch id.Reason {
	case ident.ReasonChecksum:
		return lang.L("{{.Kind}}: the check digit is wrong.", data)
	case ident.ReasonDate:
		return lang.L("{{.Kind}}: the date of birth in it does not exist.", data)
	case ident.ReasonLength:
		return lang.L("{{.Kind}}: wrong number of digits.", data)
	}
	return lang.L("{{.Kind}}: it contains characters that do not belong in it.", data)
}
