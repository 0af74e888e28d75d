package guikit

import (
	"fyne.io/fyne/v2/lang"

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
	case dossier.StatusNoData:
		return lang.L("no data given")
	case dossier.StatusOffline:
		return lang.L("from the offline copy of {{.Date}}", map[string]any{"Date": s.Date})
	case dossier.StatusSkipped:
		return lang.L("not asked")
	}
	return lang.L("failed")
}

// SourceDetailText explains a source's outcome and what to do, by its
// problem code; the source's English message when it names none.
func SourceDetailText(s dossier.Source) string {
	if c := sourceProblem(s); c != "" {
		return ProblemText(problem.New(c, nil))
	}
	if s.Code == "" {
		return ""
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
// its answer it could not read and why, in the user's language; the
// source's English for a note without a known code.
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
	return n.Message
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
