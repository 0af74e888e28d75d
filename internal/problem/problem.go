// Package problem names the problems a user can meet, with stable codes
// that the window and the command line turn into words. It is vocabulary:
// it imports nothing of the project, so every layer can use it.
//
// Every register client, Maskinporten, the transport and the certificate
// package map what they meet to these codes: their error types have a
// method Problem() Code, which CodeOf finds through any wrapping. The
// window and the command line only translate codes; Codes lists them all,
// and Text gives each one's English words.
//
// To add a code: declare it in codes.go with its English words in texts
// (or, for a use case's code, in problem.go, deskCodes and Error), map to
// it where it arises (the client's Problem method or status table), and
// give it words in the window (internal/gui's codeText or problemText)
// and in assets/translations/{en,sv,nb,fi}.json. The tests here and in
// internal/gui fail until every step is done.
package problem

import (
	"errors"
	"fmt"
)

// Code names a problem a user can meet. Codes are stable: the window and the
// command line turn them into words, and scripts may compare them.
type Code string

// The codes the use cases (internal/desk) return.
const (
	CodeNoVault       Code = "no_vault"       // there is no vault file yet
	CodeVaultExists   Code = "vault_exists"   // creating a vault where one is
	CodeVaultInUse    Code = "vault_in_use"   // another Motpart has the file open
	CodeWrongPassword Code = "wrong_password" // the password does not open the vault
	CodeWeakParams    Code = "vault_weak_kdf" // the file asks for too little key stretching
	CodeVaultDamaged  Code = "vault_damaged"  // the file fails authentication or is not a vault
	// CodeVaultHeaderDamaged: the vault's header is damaged and its checked
	// copy is whole; RepairVault (motpart vault repair) opens it from the copy.
	CodeVaultHeaderDamaged Code = "vault_header_damaged"
	// CodeVaultLastChangeDamaged: the page that records the vault's last
	// change is damaged; RepairVault opens the vault as it was before it.
	CodeVaultLastChangeDamaged Code = "vault_last_change_damaged"
	CodeLocked                 Code = "locked"          // the vault must be unlocked first
	CodePasswordShort          Code = "password_short"  // a new password is too short
	CodeNotOrgNr               Code = "not_orgnr"       // notes need a valid organisation number
	CodeNoteEmpty              Code = "note_empty"      // a note without text
	CodeNoteTooLong            Code = "note_too_long"   // a note over dossier.MaxNoteLen
	CodeNoteNotFound           Code = "note_not_found"  // no note with that id
	CodeCertNameTaken          Code = "cert_name_taken" // a certificate with that name is stored
	CodeCertName               Code = "cert_name"       // a certificate name that is empty or too long
	CodeCertNotFound           Code = "cert_not_found"  // no stored certificate with that name
	CodeUnknownSetting         Code = "unknown_setting" // no setting has that name
	CodeBadSetting             Code = "bad_setting"     // a value the setting does not take
	CodeCanceled               Code = "canceled"        // the user cancelled the work
	CodeNoDossier              Code = "no_dossier"      // the organisation was never looked up
	CodeBadDownload            Code = "bad_download"    // a register download that cannot be read
	CodeNoCopy                 Code = "no_copy"         // there is no offline copy of the register
	// CodeEmptyImport: a download of the register holds no registrations;
	// it is refused, and the copy in the vault stays.
	CodeEmptyImport Code = "empty_import"
	// CodeSmallerImport: a download holds far fewer organisations than the
	// copy it would replace (under half), and replacing it was not
	// confirmed; the copy in the vault stays.
	CodeSmallerImport Code = "smaller_import"
	// CodeChangeLogNeedsV1: the owners register's change log, which keeps
	// the offline copy fresh, is only in its v1 API (experimental).
	CodeChangeLogNeedsV1 Code = "change_log_needs_v1"
	CodeNoAccess         Code = "no_access"       // Motpart may not ask the register
	CodeRegisterFailed   Code = "register_failed" // the register could not be asked
	CodeInternal         Code = "internal"        // anything else; the error says what
)

// The codes of looking up and searching by name (internal/desk).
const (
	// CodePersonalNumber: a person's identity number where an
	// organisation's is needed (Motpart looks up organisations).
	CodePersonalNumber Code = "personal_number"
	CodeNameTooShort   Code = "name_too_short" // a search by name needs at least two letters or digits
	CodeNoHits         Code = "no_hits"        // a search by name found no unit
)

// Error is a problem with a stable Code. Err, when set, holds the cause.
type Error struct {
	Code Code
	Err  error
}

// Error describes the problem in English, for logs and the command line.
func (e *Error) Error() string {
	msg := string(e.Code)
	switch e.Code {
	case CodeNoVault:
		msg = "there is no vault yet; create one first"
	case CodeVaultExists:
		msg = "a vault already exists there"
	case CodeVaultInUse:
		msg = "the vault is already open in another Motpart window or command"
	case CodeWrongPassword:
		msg = "the password is wrong"
	case CodeWeakParams:
		msg = "the vault's key-derivation parameters are below the safe minimum"
	case CodeVaultDamaged:
		msg = "the vault file is damaged or not a Motpart vault"
		if e.Err != nil {
			msg += ": " + e.Err.Error()
		}
	case CodeVaultHeaderDamaged:
		msg = "the vault's header is damaged; its copy is whole: run `motpart vault repair` to open the vault from the copy"
	case CodeVaultLastChangeDamaged:
		msg = "the record of the vault's last change is damaged: `motpart vault repair` opens the vault as it was before that change (the change is lost), or restore the file from a backup"
	case CodeLocked:
		msg = "the vault is locked"
	case CodePasswordShort:
		msg = fmt.Sprintf("the password must have at least %d characters", MinPasswordLen)
	case CodeNotOrgNr:
		msg = "not a valid organisation number"
	case CodeNoteEmpty:
		msg = "the note is empty"
	case CodeNoteTooLong:
		msg = "the note is too long"
	case CodeNoteNotFound:
		msg = "there is no note with that id"
	case CodeCertNameTaken:
		msg = "a certificate with that name is already stored; choose another name"
	case CodeCertName:
		msg = fmt.Sprintf("a certificate name must have 1 to %d characters", MaxCertNameLen)
	case CodeCertNotFound:
		msg = "there is no certificate with that name"
	case CodeBadDownload:
		msg = "the file is not a download of the register Motpart can read"
		if e.Err != nil {
			msg += ": " + e.Err.Error()
		}
	case CodeChangeLogNeedsV1:
		msg = "the register's change log is only in its v1 API, whose answer shape is not confirmed: choose it (rrh.api v1, experimental) to refresh the copy, or import a new download"
	case CodeNoCopy:
		msg = "there is no offline copy of the register yet; import a download first"
	case CodeEmptyImport:
		msg = "the download holds no registrations, so it was not imported; the offline copy is kept as it was"
	case CodeSmallerImport:
		msg = "the download holds far fewer organisations than the offline copy, so it did not replace it; confirm to replace it"
		if e.Err != nil {
			msg += " (" + e.Err.Error() + ")"
		}
	case CodeNoAccess, CodeRegisterFailed:
		msg = "the register could not be asked"
		if e.Err != nil {
			msg += ": " + e.Err.Error()
		}
	case CodeUnreadableAnswer:
		msg = "the register answered with data Motpart could not read, so none of it was used"
		if e.Err != nil {
			msg += ": " + e.Err.Error()
		}
	case CodeCanceled:
		msg = "cancelled"
	case CodeNoDossier:
		msg = "the organisation has not been looked up yet"
	case CodeUnknownSetting, CodeBadSetting:
		if e.Err != nil {
			return e.Err.Error()
		}
		msg = "there is no such setting"
		if e.Code == CodeBadSetting {
			msg = "the setting does not take this value"
		}
	case CodePersonalNumber:
		msg = "this is a person's identity number; Motpart looks up organisations: give the organisation number of the person's company, or search by its name"
	case CodeNameTooShort:
		msg = "type at least two letters of the name to search"
	case CodeNoHits:
		msg = "no company with this name was found; check the spelling, or search with fewer words"
	case CodeInternal:
		msg = "something went wrong"
	default:
		if t := Text(e.Code); t != "" {
			msg = t
		}
	}
	if e.Err != nil && e.Code == CodeInternal {
		return msg + ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Problem returns e's Code, so that an *Error is a Coder.
func (e *Error) Problem() Code { return e.Code }

// Coder is an error that names its problem: every register client's error
// type, the transport's, certs' and *Error are Coders.
type Coder interface {
	error
	Problem() Code
}

// CodeOf returns the Code of the first Coder in err's chain (errors.As
// order) that names one, CodeInternal for an error without one, and ""
// for nil.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	var c Coder
	if errors.As(err, &c) {
		if code := c.Problem(); code != "" {
			return code
		}
	}
	return CodeInternal
}

// CauseOf returns the Code of the innermost Coder in err's chain that
// names one: for a use case's CodeRegisterFailed wrapping a register's
// CodeTimeout, CodeTimeout. It is CodeOf(err) when nothing inside says
// more.
func CauseOf(err error) Code {
	code := CodeOf(err)
	for err != nil {
		if c, ok := err.(Coder); ok {
			if p := c.Problem(); p != "" && p != CodeInternal {
				code = p
			}
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		case interface{ Unwrap() []error }:
			errs := u.Unwrap()
			if len(errs) == 0 {
				return code
			}
			err = errs[0]
		default:
			return code
		}
	}
	return code
}

// ForStatus is the code of an HTTP status a client did not expect: 429
// rate limited, 502, 503 and 504 unavailable, other 5xx a server error,
// and anything else an unexpected status.
func ForStatus(status int) Code {
	switch {
	case status == 429:
		return CodeRateLimited
	case status == 502 || status == 503 || status == 504:
		return CodeRegisterUnavailable
	case status >= 500 && status <= 599:
		return CodeRegisterServerError
	}
	return CodeUnexpectedStatus
}

// deskCodes are the use cases' codes, in the order of their declaration.
var deskCodes = [...]Code{
	CodeNoVault, CodeVaultExists, CodeVaultInUse, CodeWrongPassword, CodeWeakParams,
	CodeVaultDamaged, CodeVaultHeaderDamaged, CodeVaultLastChangeDamaged, CodeLocked, CodePasswordShort, CodeNotOrgNr, CodeNoteEmpty,
	CodeNoteTooLong, CodeNoteNotFound, CodeCertNameTaken, CodeCertName, CodeCertNotFound,
	CodeUnknownSetting, CodeBadSetting, CodeCanceled, CodeNoDossier, CodeBadDownload,
	CodeNoCopy, CodeEmptyImport, CodeSmallerImport, CodeChangeLogNeedsV1, CodeNoAccess, CodeRegisterFailed, CodeInternal,
	CodePersonalNumber, CodeNameTooShort, CodeNoHits,
}

// Codes returns every code this package declares: the use cases' first,
// then the registers', Maskinporten's, the transport's and certificates'.
func Codes() []Code {
	out := make([]Code, 0, len(deskCodes)+len(texts))
	out = append(out, deskCodes[:]...)
	for _, t := range texts {
		out = append(out, t.code)
	}
	return out
}

// Known reports whether c is one of Codes.
func Known(c Code) bool {
	for _, d := range deskCodes {
		if d == c {
			return true
		}
	}
	return Text(c) != ""
}

// Text returns the English words of a register, Maskinporten, transport
// or certificate code: what happened and what to do. It is "" for the use
// cases' codes (their words are Error's) and for unknown codes.
func Text(c Code) string {
	for _, t := range texts {
		if t.code == c {
			return t.en
		}
	}
	return ""
}

// New returns an *Error with code, caused by err (which may be nil).
func New(code Code, err error) error { return &Error{Code: code, Err: err} }

// MinPasswordLen is the fewest characters a vault password (or the
// password of an exported certificate file) may have.
const MinPasswordLen = 8

// MaxCertNameLen is the most characters a certificate's name may have.
const MaxCertNameLen = 100
