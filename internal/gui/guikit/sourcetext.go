package guikit

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
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
	case "bankid":
		return lang.L("BankID")
	case "scb":
		return lang.L("SCB, business register")
	case "prh":
		return lang.L("PRH, Finnish Trade Register")
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
			return lang.L("unit deleted {{.Date}}", map[string]any{"Date": Format().Date(s.Date)})
		}
		return lang.L("unit deleted")
	case dossier.StatusNoAccess:
		return lang.L("no access")
	case dossier.StatusNoData:
		return lang.L("no data given")
	case dossier.StatusOffline:
		return lang.L("from the offline copy of {{.Date}}", map[string]any{"Date": Format().Date(s.Date)})
	case dossier.StatusSkipped:
		return lang.L("not asked")
	}
	return lang.L("failed")
}

// SourceDetailText explains a source's outcome and what to do, by its
// problem code; the source's English message when it names none and the
// user reads English, otherwise words that say the code is unknown.
func SourceDetailText(s dossier.Source) string {
	if c := sourceProblem(s); c != "" {
		return ProblemText(problem.New(c, nil))
	}
	if s.Code == "" {
		return ""
	}
	if s.Code == "aml_not_ordered" {
		return lang.L("BankID is asked only when you order AML documents, as each order may be billed. Order them to see BankID's data here.")
	}
	if CurrentLanguage() != "en" {
		// The client's message is English: say so much in the user's words.
		return lang.L("The register answered with a code Motpart has no words for ({{.Code}}).", map[string]any{"Code": s.Code})
	}
	return s.Message
}

// sourceProblem is the problem code of a source: its Problem, or for a
// source made before sources carried one, its Code when that is a problem
// code (the use cases' "no_account", "no_client", "timeout", ...).
func sourceProblem(s dossier.Source) problem.Code {
	if c := problem.Code(s.Problem); problem.Known(c) {
		return c
	}
	if c := problem.Code(s.Code); problem.Known(c) {
		return c
	}
	return ""
}

// NoteText is something a source says is not registered, or a part of
// its answer it could not read and why, in the user's language; for a note
// without a known code, the source's English to an English reader and
// words that say the code is unknown to the others.
func NoteText(n dossier.SourceNote) string {
	if n.Code == dossier.NoteOwnersShapeUnconfirmed {
		return lang.L("Read with the experimental v1 answer shape, which is not confirmed: check the owners against the register before relying on them.")
	}
	if text := codeText(problem.Code(n.Problem)); text != "" {
		if why := codeText(problem.Code(n.Cause)); why != "" {
			return text + " " + why
		}
		return text
	}
	if n.Code == noteSubUnitsCut {
		return lang.L("The register lists more sub-units than it sends; only the first are shown.")
	}
	if CurrentLanguage() != "en" {
		// The client's message is English: say so much in the user's words.
		return lang.L("The register noted something Motpart has no words for ({{.Code}}).", map[string]any{"Code": n.Code})
	}
	return n.Message
}

// noteSubUnitsCut is the note of a register that lists more sub-units than
// it sends.
const noteSubUnitsCut = "sub_units_cut"

// NoteMatters reports whether a source's note is worth showing. The
// registers say "not registered" of every optional field that is empty (no
// fax, no website, no phone...); the dossier shows only what is there, so
// those notes are left out. Notes about things that matter (no business
// address, no address at all, a block of roles missing, parts that could
// not be read) stay.
func NoteMatters(n dossier.SourceNote) bool {
	switch problem.Code(n.Problem) {
	case problem.CodeNoPostalAddress, problem.CodeNoFoundationDate,
		problem.CodeNoWrittenStandard, problem.CodeNoAdvertising, problem.CodeNoActivity, problem.CodeNoPurpose,
		problem.CodeNoArticlesDate, problem.CodeNoPhone, problem.CodeNoFax, problem.CodeNoMobile, problem.CodeNoEmail,
		problem.CodeNoWebsite, problem.CodeNoSpecialInformation, problem.CodeNoIndustryCode, problem.CodeNoSectorCode,
		problem.CodeNoEmployees, problem.CodeNoCapital, problem.CodeNoSubUnits, problem.CodeNotInGroup,
		problem.CodeNoStartDate, problem.CodeNoOwnershipChangeDate, problem.CodeNoMainEnterprise, problem.CodeNoChanges:
		return false
	}
	return true
}

// UnitText is a unit for people: its name and number, "EKSEMPEL AS
// (923609016)", or the number alone when the name is not known.
func UnitText(name, number string) string {
	switch {
	case name == "":
		return number
	case number == "":
		return name
	}
	return name + " (" + number + ")"
}

// RedirectText says which unit to look at instead, and why; the unit by
// name and number when its name is known.
func RedirectText(r *dossier.Redirect) string {
	data := map[string]any{"Number": UnitText(r.Name, r.Number)}
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

// SourceIcon is the icon of what a source answered: a green check only for
// good news (found); an answer that is no good news (not registered,
// deleted, something to follow up) an information or warning sign; a
// failure an error sign; a source not asked a neutral sign.
func SourceIcon(s dossier.Source) fyne.Resource {
	switch {
	case s.FollowUp != nil:
		return theme.NewWarningThemedResource(theme.WarningIcon())
	case s.Status == dossier.StatusFound:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	case s.Status == dossier.StatusDeleted, s.Status == dossier.StatusNoAccess:
		return theme.NewWarningThemedResource(theme.WarningIcon())
	case s.Status == dossier.StatusNotFound, s.Status == dossier.StatusNoData, s.Status == dossier.StatusOffline:
		return theme.InfoIcon()
	case s.Status == dossier.StatusSkipped:
		return NeutralIcon()
	}
	return theme.NewErrorThemedResource(theme.ErrorIcon())
}

// NeutralIcon marks something that neither succeeded nor failed, such as
// a source that was not asked.
func NeutralIcon() fyne.Resource { return theme.QuestionIcon() }

// OutcomeIcon is the icon of a dossier's overall outcome, chosen as
// SourceIcon chooses a source's: a green check only when the registers
// found the organisation and it is active.
func OutcomeIcon(dos *dossier.Dossier) fyne.Resource {
	if dos.Company == nil && dos.AML != nil && dos.Outcome() != dossier.OutcomeUnreachable {
		return theme.InfoIcon()
	}
	switch dos.Outcome() {
	case dossier.OutcomeAnswered:
		if c := dos.Company; c != nil && active(c) {
			return theme.NewSuccessThemedResource(theme.ConfirmIcon())
		}
		if dos.Company == nil {
			return theme.InfoIcon()
		}
		return theme.NewWarningThemedResource(theme.WarningIcon())
	case dossier.OutcomeNotFound:
		return theme.InfoIcon()
	case dossier.OutcomeUnreachable:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
	}
	return NeutralIcon()
}

// active reports whether c carries no status that is bad news.
func active(c *dossier.Company) bool {
	return !c.Deleted && c.ClosedDate == "" && !c.Bankrupt && !c.UnderLiquidation && !c.UnderForcedDissolution
}

// OutcomeText says in one sentence what a lookup came to as a whole: found,
// not registered, the registers could not be reached (with the date of the
// last known data shown instead), or no register asked.
func OutcomeText(dos *dossier.Dossier) string {
	if dos.Company == nil && dos.AML != nil && dos.Outcome() != dossier.OutcomeUnreachable {
		return lang.L("BankID's AML service gave the data below; no register answers for this country yet.")
	}
	switch dos.Outcome() {
	case dossier.OutcomeAnswered:
		switch {
		case dos.Company == nil:
			return lang.L("The registers answered, but none gave data about the organisation itself. See what each source answered below.")
		case active(dos.Company):
			return lang.L("Found: the registers know this organisation.")
		}
		return lang.L("Found, but the organisation is not active: see its status below.")
	case dossier.OutcomeNotFound:
		return lang.L("No register found this organisation. See what each source answered below.")
	case dossier.OutcomeUnreachable:
		if t := dos.LastKnown(); !t.IsZero() {
			return lang.L("Last known data from {{.Time}}; the registers could not be reached now.", map[string]any{"Time": ShortTime(t)})
		}
		return lang.L("The registers could not be reached, so nothing is known about this organisation now. Try again later.")
	}
	return lang.L("No register was asked about this organisation. See below why.")
}

// CarriedText says that a part of the dossier is its last known value.
func CarriedText(c dossier.Carried) string {
	data := map[string]any{"Part": PartName(c.Part), "Time": ShortTime(c.Fetched), "Source": SourceName(c.Source)}
	if c.Source == "" {
		return lang.L("{{.Part}}: last known data from {{.Time}}; not answered now.", data)
	}
	return lang.L("{{.Part}}: last known data from {{.Time}} ({{.Source}}); not answered now.", data)
}

// PartName names a part of a dossier for people.
func PartName(p dossier.Part) string {
	switch p {
	case dossier.PartCompany:
		return lang.L("Company")
	case dossier.PartRoles:
		return lang.L("Roles")
	case dossier.PartSubUnits:
		return lang.L("Sub-units")
	case dossier.PartOwners:
		return lang.L("Beneficial owners")
	}
	return string(p)
}

// ShortTime is a time in local time, to the minute, in the user's
// language.
func ShortTime(t time.Time) string { return Format().DateTime(t) }
