package guikit

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/motpart/motpart/internal/dossier"
)

// The words for what SCB's Företagsregister says of a Swedish unit: its
// statuses by SCB's codes, the variables a subscription may leave out, and
// the broad sectors of INSEKT 2014 that the classification counts by. A
// code outside what is known here keeps SCB's own text (RegisterWords).

// SCBNotSubscribedText is what the dossier shows for a variable SCB
// answered "*" for: the user's subscription does not include it.
func SCBNotSubscribedText() string { return lang.L("not in your SCB subscription") }

// SCBCompanyStatusText is SCB's company status (Företagsstatus) in words:
// 0 never active, 1 active, 9 no longer active.
func SCBCompanyStatusText(c dossier.Code) string {
	switch strings.TrimSpace(c.Code) {
	case "0":
		return lang.L("Never active")
	case "1":
		return lang.L("Active")
	case "9":
		return lang.L("No longer active")
	}
	return RegisterWords(c)
}

// SCBTaxRegistrationText says whether the unit is in the Swedish Tax
// Agency's register (SCB's "Registrerad hos SKV": 1 yes, 2 in SCB's
// population another way, 9 no longer).
func SCBTaxRegistrationText(c dossier.Code) string {
	switch strings.TrimSpace(c.Code) {
	case "1":
		return lang.L("Registered with the Swedish Tax Agency")
	case "2":
		return lang.L("Not registered with the Swedish Tax Agency; known to SCB another way")
	case "9":
		return lang.L("No longer registered with the Swedish Tax Agency")
	}
	return RegisterWords(c)
}

// SCBRegistrationText is one of SCB's tax registration statuses (F-tax,
// VAT, employer) in words: 0 never registered, 1 registered, 2 a private
// employer, 3 through a representative, 4 an embassy, 9 deregistered.
func SCBRegistrationText(c dossier.Code) string {
	switch strings.TrimSpace(c.Code) {
	case "0":
		return lang.L("Never registered")
	case "1":
		return lang.L("Registered")
	case "2":
		return lang.L("Registered as a private employer")
	case "3":
		return lang.L("Registered through a representative")
	case "4":
		return lang.L("Registered as an embassy")
	case "9":
		return lang.L("Deregistered")
	}
	return RegisterWords(c)
}

// SCBVariableName names one of SCB's variables (by SCB's own label, such
// as "Sektor, kod") for people; SCB's label itself for one without words
// here.
func SCBVariableName(label string) string {
	key := strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(label), ", kod")))
	switch key {
	case "sektor":
		return lang.L("Sector")
	case "ägarkategori":
		return lang.L("Owner category")
	case "bransch_1", "bransch_1p":
		return lang.L("Industry (SNI)")
	case "juridisk form":
		return lang.L("Form")
	case "fskattstatus":
		return lang.L("F-tax")
	case "momsstatus":
		return lang.L("VAT")
	case "arbetsgivarstatus":
		return lang.L("Employer")
	case "bolagsstatus":
		return lang.L("Company status")
	case "företagsstatus":
		return lang.L("Status at SCB")
	case "säteskommun":
		return lang.L("Seat")
	case "säteslän":
		return lang.L("County")
	case "stkl", "storleksklass":
		return lang.L("Size")
	case "telefon":
		return lang.L("Phone")
	case "e-post":
		return lang.L("E-mail")
	}
	return strings.TrimSpace(label)
}

// SectorGroupCodes are the first digits of the INSEKT 2014 sector codes
// that SectorGroupName has words for.
func SectorGroupCodes() []string { return []string{"11", "12", "13", "14", "15", "2"} }

// SectorGroupName is the broad sector an INSEKT 2014 code (six digits,
// such as 112000) belongs to, in words: its first digits follow the
// institutional sectors of the national accounts (ESA 2010, S.11 to S.15,
// and S.2 the rest of the world). "" for a code outside them.
func SectorGroupName(code string) string {
	code = strings.TrimSpace(code)
	switch {
	case strings.HasPrefix(code, "11"):
		return lang.L("Non-financial corporations")
	case strings.HasPrefix(code, "12"):
		return lang.L("Financial corporations")
	case strings.HasPrefix(code, "13"):
		return lang.L("General government")
	case strings.HasPrefix(code, "14"):
		return lang.L("Households")
	case strings.HasPrefix(code, "15"):
		return lang.L("Non-profit institutions serving households")
	case strings.HasPrefix(code, "2"):
		return lang.L("Rest of the world")
	}
	return ""
}

// SectorLabel is a sector code for a chart or a list: the code and, when
// it is known, its broad sector, "112000 Non-financial corporations"; the
// words for no sector when code is "".
func SectorLabel(code string) string {
	code = strings.TrimSpace(code)
	if code == "" {
		return lang.L("No sector")
	}
	if name := SectorGroupName(code); name != "" {
		return code + " " + name
	}
	return code
}
