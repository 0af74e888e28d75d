package guikit

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"github.com/motpart/motpart/internal/problem"
)

// ProblemText says in the user's language what went wrong and what to do.
func ProblemText(err error) string {
	var p *problem.Error
	if !errors.As(err, &p) {
		return lang.L("Something went wrong: {{.Error}}", map[string]any{"Error": err.Error()})
	}
	switch p.Code {
	case problem.CodeNoVault:
		return lang.L("There is no vault yet. Create one first.")
	case problem.CodeVaultExists:
		return lang.L("A vault already exists here. Unlock it instead.")
	case problem.CodeVaultInUse:
		return lang.L("This vault is open in another Motpart window or command. Close that one first, then try again.")
	case problem.CodeWrongPassword:
		return lang.L("The password is wrong. Check Caps Lock and the keyboard language, then try again.")
	case problem.CodeWeakParams:
		return lang.L("This vault file asks for weaker protection than Motpart allows. It may have been tampered with; restore it from a backup.")
	case problem.CodeVaultDamaged:
		return lang.L("The vault file is damaged or is not a Motpart vault. Restore it from a backup.")
	case problem.CodeLocked:
		return lang.L("The vault is locked. Unlock it first.")
	case problem.CodePasswordShort:
		return lang.L("The password must have at least {{.Count}} characters.", map[string]any{"Count": problem.MinPasswordLen})
	case problem.CodeNotOrgNr:
		return lang.L("Notes can be kept only on a valid organisation number.")
	case problem.CodeNoteEmpty:
		return lang.L("Write something in the note first.")
	case problem.CodeNoteTooLong:
		return lang.L("The note is too long. Split it into several notes.")
	case problem.CodeNoteNotFound:
		return lang.L("That note no longer exists. It may have been removed in another window.")
	case problem.CodeCertNameTaken:
		return lang.L("A certificate with this name is already stored. Choose another name.")
	case problem.CodeCertName:
		return lang.L("Give the certificate a name of 1 to {{.Count}} characters.", map[string]any{"Count": problem.MaxCertNameLen})
	case problem.CodeCertNotFound:
		return lang.L("That certificate is no longer in the vault.")
	case problem.CodeNoCopy:
		return lang.L("There is no offline copy yet: import a download of the register first.")
	case problem.CodeNoAccess, problem.CodeRegisterFailed:
		detail := ""
		if p.Err != nil {
			detail = p.Err.Error()
		}
		return lang.L("The register could not be asked: {{.Error}}", map[string]any{"Error": detail})
	case problem.CodeBadDownload:
		return lang.L("This file is not a download of the Register of beneficial owners that Motpart can read (a zip of JSON or CSV, or the file itself).")
	case problem.CodeCanceled:
		return lang.L("Cancelled.")
	}
	return lang.L("Something went wrong: {{.Error}}", map[string]any{"Error": err.Error()})
}
