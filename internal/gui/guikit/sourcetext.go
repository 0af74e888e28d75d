package guikit

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/motpart/motpart/internal/dossier"
)

// SourceName names a source for people.
func SourceName(id string) string {
	switch id {
	case "brreg":
		return lang.L("Brønnøysund, Enhetsregisteret")
	case "grunndata":
		return lang.L("Brønnøysund, grunndataWS")
	case "rrh":
		return lang.L("Register of beneficial owners")
	case "registers":
		return lang.L("Registers")
	}
	return id
}

// SourceStatusText says what a source answered, in a few words.
func SourceStatusText(s dossier.Source) string {
	switch s.Status {
	case dossier.StatusFound:
		return lang.L("found")
	case dossier.StatusNotFound:
		return lang.L("not registered")
	case dossier.StatusDeleted:
		if s.Date != "" {
			return lang.L("unit deleted {{.Date}}", map[string]any{"Date": s.Date})
		}
		return lang.L("unit deleted")
	case dossier.StatusNoAccess:
		return lang.L("no access")
	case dossier.StatusOffline:
		return lang.L("from the offline copy of {{.Date}}", map[string]any{"Date": s.Date})
	case dossier.StatusSkipped:
		return lang.L("not asked")
	}
	return lang.L("failed")
}

// SourceDetailText explains a source's outcome and what to do, by its code.
func SourceDetailText(s dossier.Source) string {
	switch s.Code {
	case "":
		return ""
	case "timeout":
		return lang.L("The register did not answer in time. Try again in a moment.")
	case "canceled":
		return lang.L("The lookup was cancelled.")
	case "network":
		return lang.L("Motpart could not reach the register. Check the internet connection, or the address in Settings.")
	case "tls":
		return lang.L("The register's certificate could not be verified, so Motpart did not send anything. Check the address in Settings; behind a company proxy, add its root certificate.")
	case "http_429":
		return lang.L("The register asks Motpart to slow down. Wait a minute and try again.")
	case "http_503", "http_502", "http_504":
		return lang.L("The register is temporarily unavailable. Try again later.")
	case "http_500":
		return lang.L("The register had an internal error. Try again later.")
	case "malformed", "truncated", "too_large":
		return lang.L("The register's answer was damaged or incomplete, so none of it is shown. Try again.")
	case "no_account":
		return lang.L("grunndataWS needs a contract account with Brønnøysund: add its user id and password in Settings.")
	case "country_not_connected":
		return lang.L("Motpart has no register for this country connected yet.")
	case "not_required":
		return lang.L("The company does not have to register beneficial owners.")
	case "forbidden":
		return lang.L("The register refused the Maskinporten token: check that Brønnøysund has granted the scope chosen in Settings.")
	case "no_client":
		return lang.L("No Maskinporten client: enter the client id from Samarbeidsportalen in Settings.")
	case "no_certificate":
		return lang.L("No enterprise certificate for Maskinporten: import it under Certificates and choose it in Settings.")
	}
	if strings.HasPrefix(s.Code, "mp_") {
		return lang.L("Maskinporten refused the request: {{.Message}}", map[string]any{"Message": s.Message})
	}
	if isGrunndataCode(s.Code) {
		return GrunndataCodeText(s.Code, s.Message)
	}
	return s.Message
}

// RedirectText says which unit to look at instead, and why.
func RedirectText(r *dossier.Redirect) string {
	data := map[string]any{"Number": r.Number}
	switch r.Reason {
	case "duplicate":
		return lang.L("Deleted as a duplicate: open the correct unit {{.Number}}", data)
	case "merged":
		return lang.L("Deleted after a merger: open the correct unit {{.Number}}", data)
	case "replacement_deleted":
		return lang.L("The unit that replaced it, {{.Number}}, is deleted too: open it", data)
	case "sub_unit":
		return lang.L("This is a sub-unit: open its legal unit {{.Number}}", data)
	case "registration_unit":
		return lang.L("Open the registration unit {{.Number}}", data)
	}
	return lang.L("Open {{.Number}}", data)
}

// isGrunndataCode reports whether code is a grunndataWS status code (an
// integer, possibly negative).
func isGrunndataCode(code string) bool {
	code = strings.TrimPrefix(code, "-")
	if code == "" {
		return false
	}
	for _, r := range code {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// GrunndataCodeText is a grunndataWS sub-status (seed 002) in the user's
// language; fallback (the source's English) for a code not in the table.
func GrunndataCodeText(code, fallback string) string {
	switch code {
	case "0":
		return lang.L("Data returned.")
	case "1":
		return lang.L("The unit is deleted as a duplicate; the correct unit is registered instead.")
	case "2":
		return lang.L("The unit is deleted after a merger; the correct unit is registered instead.")
	case "3", "200":
		return lang.L("The unit asked for is a registration unit.")
	case "10":
		return lang.L("No organisation number was given.")
	case "20":
		return lang.L("The request was not valid.")
	case "10000", "170":
		return lang.L("This is not a valid organisation number: it must have 9 digits and a correct check digit.")
	case "100":
		return lang.L("No unit with this number was ever registered.")
	case "110":
		return lang.L("The unit is deleted.")
	case "120":
		return lang.L("The unit is deleted as a duplicate or after a merger, and the unit that replaced it is deleted too.")
	case "130":
		return lang.L("This is a sub-unit (bedrift/virksomhet); its legal unit is named below.")
	case "160":
		return lang.L("The input is neither an organisation number nor a national identity number.")
	case "180":
		return lang.L("The person is not in the register.")
	case "181":
		return lang.L("The person is registered as deceased.")
	case "182":
		return lang.L("The person is registered as invalid.")
	case "183":
		return lang.L("The person has a guardian.")
	case "190":
		return lang.L("The unit is not a sub-unit.")
	case "210":
		return lang.L("The unit is not in the Register of Non-Profit Organisations.")
	case "2000":
		return lang.L("No changes in the last period.")
	case "1010":
		return lang.L("No business address registered.")
	case "1020":
		return lang.L("No postal address registered.")
	case "1030":
		return lang.L("No address registered.")
	case "1060":
		return lang.L("No date of foundation registered.")
	case "1070":
		return lang.L("No written standard (målform) registered.")
	case "1090":
		return lang.L("No activity or line of business registered.")
	case "1100":
		return lang.L("No purpose registered.")
	case "1111":
		return lang.L("No date of the articles of association registered.")
	case "1115":
		return lang.L("No phone number registered.")
	case "1116":
		return lang.L("No fax number registered.")
	case "1117":
		return lang.L("No mobile number registered.")
	case "1118":
		return lang.L("No e-mail address registered.")
	case "1119":
		return lang.L("No website registered.")
	case "1120":
		return lang.L("No special information registered.")
	case "1125":
		return lang.L("No industry (NACE) code registered.")
	case "1130":
		return lang.L("No sector code registered.")
	case "1135":
		return lang.L("No employees registered.")
	case "1140":
		return lang.L("No capital registered.")
	case "1145":
		return lang.L("No sub-units registered.")
	case "1150":
		return lang.L("The unit is not part of a group.")
	case "1155":
		return lang.L("No start date registered.")
	case "1160":
		return lang.L("No date of change of ownership registered.")
	case "1165":
		return lang.L("No main enterprise registered.")
	case "1180":
		return lang.L("Some sets of roles are not registered.")
	case "-100":
		return lang.L("The grunndataWS account is not authorised for this service. Ask Brønnøysund to extend the contract.")
	case "-101":
		return lang.L("The grunndataWS user id or password is wrong. Check them in Settings.")
	case "-1000":
		return lang.L("grunndataWS had an unexpected error. If it happens again, contact Brønnøysund.")
	}
	if strings.HasPrefix(code, "-") {
		return lang.L("grunndataWS reported an error ({{.Code}}).", map[string]any{"Code": code}) + " " + fallback
	}
	return fallback
}
