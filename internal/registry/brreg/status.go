package brreg

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/problem"
)

// Outcome is what a grunndataWS status code means for a lookup.
type Outcome int

// The outcomes, from harmless to worst.
const (
	// OutcomeOK: data returned.
	OutcomeOK Outcome = iota
	// OutcomeNote: something is not registered (codes 1010–1190), e.g. no
	// postal address. A fact about the unit, not an error.
	OutcomeNote
	// OutcomeRedirect: look at another unit instead: the correct unit
	// after a duplicate or merger, or the legal unit of a sub-unit.
	OutcomeRedirect
	// OutcomeDeleted: the unit is deleted.
	OutcomeDeleted
	// OutcomeNotFound: no such unit (or person) was ever registered.
	OutcomeNotFound
	// OutcomeInvalidInput: the register could not use what was asked.
	OutcomeInvalidInput
	// OutcomeError: the register failed, or answered something unknown.
	OutcomeError
	// OutcomeNoAccess: the grunndataWS account may not ask (-100), or the
	// user name or password is wrong (-101).
	OutcomeNoAccess
)

// String returns a stable name, e.g. "redirect".
func (o Outcome) String() string {
	switch o {
	case OutcomeOK:
		return "ok"
	case OutcomeNote:
		return "note"
	case OutcomeRedirect:
		return "redirect"
	case OutcomeDeleted:
		return "deleted"
	case OutcomeNotFound:
		return "not_found"
	case OutcomeInvalidInput:
		return "invalid_input"
	case OutcomeError:
		return "error"
	case OutcomeNoAccess:
		return "no_access"
	}
	return "outcome(" + strconv.Itoa(int(o)) + ")"
}

// statusEntry is one row of the grunndataWS status table (seed 002).
type statusEntry struct {
	code    int
	outcome Outcome
	reason  string       // dossier.Redirect.Reason, for OutcomeRedirect
	problem problem.Code // what the code means, named for the user
	message string
}

// statusTable holds every underStatus code of seed 002 ("Oppbygging
// grunndataWS", 7 November 2021) with its meaning in English. "The unit"
// is the unit asked for (x in the seed); a redirect's target (y) is in the
// register's text, see RedirectTarget.
var statusTable = [...]statusEntry{
	{0, OutcomeOK, "", problem.CodeDataReturned, "Data returned."},
	{1, OutcomeRedirect, "duplicate", problem.CodeUnitDeletedDuplicate, "The unit has been deleted as a duplicate; the correct unit is registered."},
	{2, OutcomeRedirect, "merged", problem.CodeUnitDeletedMerged, "The unit has been deleted after a merger; the correct unit is registered."},
	{3, OutcomeRedirect, "registration_unit", problem.CodeRegistrationUnitOf, "The unit named is the registration unit of the unit asked for."},
	{10, OutcomeInvalidInput, "", problem.CodeNoNumberGiven, "No organisation number was given."},
	{20, OutcomeInvalidInput, "", problem.CodeInputRejected, "The input failed validation."},
	{10000, OutcomeInvalidInput, "", problem.CodeInvalidNumber, "Not a valid organisation number: it must be 9 digits and only digits."},
	{100, OutcomeNotFound, "", problem.CodeUnitNeverRegistered, "No unit with this number has ever been registered."},
	{110, OutcomeDeleted, "", problem.CodeUnitDeleted, "The unit is deleted."},
	{120, OutcomeRedirect, "replacement_deleted", problem.CodeUnitReplacementDeleted, "The unit has been deleted as a duplicate or after a merger, and the unit that replaced it is deleted too."},
	{130, OutcomeRedirect, "sub_unit", problem.CodeUnitIsSubUnit, "This is a sub-unit (bedrift/virksomhet); its legal unit is named in the redirect."},
	{160, OutcomeInvalidInput, "", problem.CodeNotNumberOrPersonID, "The input is neither an organisation number nor a national identity number."},
	{170, OutcomeInvalidInput, "", problem.CodeInvalidNumber, "The number is not a valid organisation number."},
	{180, OutcomeInvalidInput, "", problem.CodePersonNotFound, "The person is not in the register's database."},
	{181, OutcomeInvalidInput, "", problem.CodePersonDeceased, "The person is registered as deceased."},
	{182, OutcomeInvalidInput, "", problem.CodePersonInvalid, "The person is registered as invalid."},
	{183, OutcomeInvalidInput, "", problem.CodePersonHasGuardian, "The person has a guardian."},
	{190, OutcomeInvalidInput, "", problem.CodeUnitNotSubUnit, "The unit is not a sub-unit (bedrift/virksomhet)."},
	{200, OutcomeRedirect, "registration_unit", problem.CodeUnitIsRegistrationUnit, "The unit asked for is a registration unit."},
	{210, OutcomeNotFound, "", problem.CodeNotInVoluntaryRegister, "The unit is not registered in the Register of Non-Profit Organisations (Frivillighetsregisteret)."},
	{2000, OutcomeNote, "", problem.CodeNoChanges, "There are no changes in the last period (the last day or weekend)."},
	{1010, OutcomeNote, "", problem.CodeNoBusinessAddress, "No business address registered."},
	{1020, OutcomeNote, "", problem.CodeNoPostalAddress, "No postal address registered."},
	{1030, OutcomeNote, "", problem.CodeNoAddress, "No address registered."},
	{1060, OutcomeNote, "", problem.CodeNoFoundationDate, "No date of foundation registered."},
	{1070, OutcomeNote, "", problem.CodeNoWrittenStandard, "No written standard of Norwegian (målform) registered."},
	{1080, OutcomeNote, "", problem.CodeNoAdvertising, "No advertising (reklame) information registered."},
	{1090, OutcomeNote, "", problem.CodeNoActivity, "No line of business (activity, type, trade) registered."},
	{1100, OutcomeNote, "", problem.CodeNoPurpose, "No purpose registered."},
	{1111, OutcomeNote, "", problem.CodeNoArticlesDate, "No date of the articles of association registered."},
	{1115, OutcomeNote, "", problem.CodeNoPhone, "No phone number registered."},
	{1116, OutcomeNote, "", problem.CodeNoFax, "No fax number registered."},
	{1117, OutcomeNote, "", problem.CodeNoMobile, "No mobile phone number registered."},
	{1118, OutcomeNote, "", problem.CodeNoEmail, "No e-mail address registered."},
	{1119, OutcomeNote, "", problem.CodeNoWebsite, "No website registered."},
	{1120, OutcomeNote, "", problem.CodeNoSpecialInformation, "No special information (status lines) registered."},
	{1125, OutcomeNote, "", problem.CodeNoIndustryCode, "No industry (NACE) code registered."},
	{1130, OutcomeNote, "", problem.CodeNoSectorCode, "No sector code registered."},
	{1135, OutcomeNote, "", problem.CodeNoEmployees, "No employees registered."},
	{1140, OutcomeNote, "", problem.CodeNoCapital, "No capital registered."},
	{1145, OutcomeNote, "", problem.CodeNoSubUnits, "No sub-units (bedrifter/virksomheter) registered."},
	{1150, OutcomeNote, "", problem.CodeNotInGroup, "The unit is not part of a group (konsern)."},
	{1155, OutcomeNote, "", problem.CodeNoStartDate, "No start date registered."},
	{1160, OutcomeNote, "", problem.CodeNoOwnershipChangeDate, "No date of change of ownership registered."},
	{1165, OutcomeNote, "", problem.CodeNoMainEnterprise, "No main enterprise (hovedforetak) registered."},
	{1180, OutcomeNote, "", problem.CodeNoRoleBlock, "A block of roles (a set of roles) is not registered."},
	{1190, OutcomeNote, "", problem.CodeNoVoluntaryRegisterData, "No data from the Register of Non-Profit Organisations registered."},
	{-100, OutcomeNoAccess, "", problem.CodeServiceNotAuthorised, "The grunndataWS user is not authorised for this service."},
	{-101, OutcomeNoAccess, "", problem.CodeWrongLogin, "The grunndataWS user name or password is wrong."},
	{-1000, OutcomeError, "", problem.CodeRegisterUnexpectedError, "An unexpected error occurred at Brønnøysundregistrene. If it keeps happening, contact Brønnøysundregistrene."},
}

// MainStatusNoSubStatus is the code Verdict reports for hovedStatus -1
// without any underStatus.
const MainStatusNoSubStatus = -1

func lookupStatus(code int) (statusEntry, bool) {
	for _, e := range statusTable {
		if e.code == code {
			return e, true
		}
	}
	return statusEntry{code: code}, false
}

// StatusProblem returns the problem code of a grunndataWS underStatus
// code: what it means, named for the user (unknown codes too, as
// StatusInfo decides them).
func StatusProblem(code int) problem.Code { return statusFor(code).problem }

// StatusInfo returns the outcome of a grunndataWS underStatus code and an
// English message for it. Unknown codes are handled too: negative codes
// are errors, 1000–1999 notes, and the rest errors.
func StatusInfo(code int) (Outcome, string) {
	e := statusFor(code)
	return e.outcome, e.message
}

// statusFor returns the table row for code, or one made up for an
// unknown code.
func statusFor(code int) statusEntry {
	if e, ok := lookupStatus(code); ok {
		return e
	}
	switch {
	case code == MainStatusNoSubStatus:
		return statusEntry{code, OutcomeError, "", problem.CodeRegisterError, "grunndataWS reported an error without saying which."}
	case code < 0:
		return statusEntry{code, OutcomeError, "", problem.CodeRegisterError, fmt.Sprintf("grunndataWS reported an unknown error (code %d).", code)}
	case code >= 1000 && code <= 1999:
		return statusEntry{code, OutcomeNote, "", problem.CodeSomethingNotRegistered, fmt.Sprintf("Some information is not registered (code %d).", code)}
	}
	return statusEntry{code, OutcomeError, "", problem.CodeUnknownStatus, fmt.Sprintf("grunndataWS answered with an unknown status (code %d).", code)}
}

// StatusCodes returns every underStatus code in the table, in the order
// of seed 002.
func StatusCodes() []int {
	out := make([]int, len(statusTable))
	for i, e := range statusTable {
		out[i] = e.code
	}
	return out
}

// RedirectReason returns the dossier.Redirect reason of a redirect code
// ("duplicate", "merged", "registration_unit", "replacement_deleted",
// "sub_unit"), or "".
func RedirectReason(code int) string {
	e, _ := lookupStatus(code)
	return e.reason
}

// Verdict is what a responseHeader means as a whole.
type Verdict struct {
	// Outcome is decided by the most telling sub-status.
	Outcome Outcome
	// Code is that sub-status code (0 for plain success), or the
	// hovedStatus when it is unknown or -1 without sub-status.
	Code int
	// Problem names what Code means for the user.
	Problem problem.Code
	// Message is the table's English message for Code; Text the
	// register's own text.
	Message, Text string
	// Redirect names the unit to look at, for OutcomeRedirect when the
	// text names one.
	Redirect *dossier.Redirect
	// Notes holds every sub-status with OutcomeNote.
	Notes []dossier.SourceNote
}

// Verdict interprets h for the organisation number asked.
func (h *Header) Verdict(asked string) Verdict {
	var v Verdict
	for _, s := range h.SubStatuses {
		if e := statusFor(s.Code); e.outcome == OutcomeNote {
			v.Notes = append(v.Notes, dossier.SourceNote{Code: strconv.Itoa(s.Code), Problem: string(e.problem), Message: e.message})
		}
	}
	decide := func(s SubStatus, e statusEntry) {
		v.Outcome, v.Code, v.Problem, v.Message, v.Text = e.outcome, s.Code, e.problem, e.message, s.Text
		if e.outcome == OutcomeRedirect {
			if y, ok := RedirectTarget(s.Text, asked); ok {
				v.Redirect = &dossier.Redirect{Reason: e.reason, Code: strconv.Itoa(s.Code), Number: y}
			}
		}
	}
	switch h.MainStatus {
	case 0, 1:
		// The first sub-status that is more than OK or a note decides.
		for _, s := range h.SubStatuses {
			if e := statusFor(s.Code); e.outcome > OutcomeNote {
				decide(s, e)
				return v
			}
		}
		v.Outcome, v.Problem, v.Message = OutcomeOK, statusFor(0).problem, statusFor(0).message
		if len(v.Notes) > 0 || h.MainStatus == 1 {
			v.Outcome = OutcomeNote
		}
		switch {
		case h.MainStatus == 1 && len(v.Notes) > 0:
			// No data: the first note says why (e.g. 2000, no changes).
			v.Problem, v.Message = problem.Code(v.Notes[0].Problem), v.Notes[0].Message
		case h.MainStatus == 1:
			v.Problem, v.Message = problem.CodeSomethingNotRegistered, "No data was returned, and grunndataWS did not say why."
		}
		return v
	case -1:
		// On an error the header carries one sub-status; prefer a
		// negative one if there are several.
		for _, s := range h.SubStatuses {
			if s.Code < 0 {
				decide(s, statusFor(s.Code))
				return v
			}
		}
		if len(h.SubStatuses) > 0 {
			s := h.SubStatuses[0]
			e := statusFor(s.Code)
			if e.outcome <= OutcomeRedirect {
				// "Error" with a success code: an error all the same.
				e = statusEntry{s.Code, OutcomeError, "", problem.CodeRegisterError, fmt.Sprintf("grunndataWS reported an error with status %d.", s.Code)}
			}
			decide(s, e)
			return v
		}
		decide(SubStatus{Code: MainStatusNoSubStatus}, statusFor(MainStatusNoSubStatus))
		return v
	}
	decide(SubStatus{Code: h.MainStatus}, statusEntry{h.MainStatus, OutcomeError, "", problem.CodeUnknownStatus,
		fmt.Sprintf("grunndataWS answered with an unknown main status (%d).", h.MainStatus)})
	return v
}

// redirectKeywords precede the number of the unit to look at in the
// register's texts ("korrekt enhet 912345678 er innført", "juridisk enhet
// er 912345678"), in Bokmål, Nynorsk and English.
var redirectKeywords = [...]string{"korrekt", "juridisk", "correct", "legal unit"}

// RedirectTarget finds, in a grunndataWS status text, the organisation
// number of the unit to look at instead of asked: the 9-digit number after
// "korrekt enhet"/"juridisk enhet" when there is one, else the first
// 9-digit number that is not asked. Digits may be grouped "912 345 678".
// ok is false when the text names no other unit.
func RedirectTarget(text, asked string) (number string, ok bool) {
	if len(text) > 4096 {
		text = text[:4096]
	}
	// The position after the last keyword.
	after := -1
	for _, kw := range redirectKeywords {
		for i := 0; i+len(kw) <= len(text); i++ {
			if strings.EqualFold(text[i:i+len(kw)], kw) && i+len(kw) > after {
				after = i + len(kw)
			}
		}
	}
	first := ""
	for i := 0; i < len(text); {
		n, end := numberAt(text, i)
		if end == i {
			i++
			continue
		}
		i = end
		if n == "" || n == asked {
			continue
		}
		if after >= 0 && end > after {
			return n, true
		}
		if first == "" {
			first = n
		}
	}
	return first, first != ""
}

// numberAt reads the run of digits at text[i:], allowing single spaces
// (or no-break spaces) between groups of three. It returns the 9 digits
// when the run is a 9-digit number ("" otherwise) and where the run ends
// (i when there is no digit at i).
func numberAt(text string, i int) (string, int) {
	if i >= len(text) || !isDigit(text[i]) || (i > 0 && isDigit(text[i-1])) {
		return "", i
	}
	var digits []byte
	groups := []int{}
	j := i
	for {
		start := len(digits)
		for j < len(text) && isDigit(text[j]) {
			digits = append(digits, text[j])
			j++
		}
		groups = append(groups, len(digits)-start)
		// A separator followed by a digit continues the number only when
		// the groups so far are all of three.
		sep := 0
		switch {
		case j < len(text) && text[j] == ' ':
			sep = 1
		case strings.HasPrefix(text[j:], "\u00a0"):
			sep = len("\u00a0")
		}
		if sep == 0 || j+sep >= len(text) || !isDigit(text[j+sep]) || len(digits) >= 9 {
			break
		}
		allThree := true
		for _, g := range groups {
			allThree = allThree && g == 3
		}
		if !allThree {
			break
		}
		j += sep
	}
	if len(digits) != 9 {
		return "", j
	}
	if len(groups) > 1 {
		for _, g := range groups {
			if g != 3 {
				return "", j
			}
		}
	}
	return string(digits), j
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
