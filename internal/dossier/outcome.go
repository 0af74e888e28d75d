package dossier

// Outcome is what a lookup came to as a whole: whether any register
// answered, and whether its answer was that it knows the unit. Screens and
// the command line tell the four apart with different words and icons.
type Outcome string

// Outcomes of a lookup.
const (
	// OutcomeAnswered: at least one source answered with something about
	// the unit (found, deleted, no data, an offline copy). Whether that is
	// good news is for the facts to say (a deleted unit is an answer).
	OutcomeAnswered Outcome = "answered"
	// OutcomeNotFound: a register of units answered, and every source that
	// answered said it does not know the unit. (The owners register's "not
	// found" alone says nothing of whether the unit exists.)
	OutcomeNotFound Outcome = "not_found"
	// OutcomeUnreachable: sources were asked (or could not be asked for want
	// of access) but none answered. Data in the dossier are then only what
	// was carried over from an earlier lookup (see Dossier.Carried).
	OutcomeUnreachable Outcome = "unreachable"
	// OutcomeNotAsked: no source was asked, for example because no
	// register is connected for the number's country.
	OutcomeNotAsked Outcome = "not_asked"
)

// Stable IDs of the Norwegian sources (Source.ID).
const (
	SourceBrreg     = "brreg"     // Enhetsregisteret's open API
	SourceGrunndata = "grunndata" // grunndataWS
	SourceOwners    = "rrh"       // the Register of beneficial owners
	SourcePRH       = "prh"       // PRH's open data (Finnish companies)
	SourceSCB       = "scb"       // SCB's Företagsregister (Swedish companies)
)

// Answered reports whether s is an answer of its source about the unit,
// good news or not: found, not found, deleted, no data, or an offline
// copy. A failure, missing access or a source not asked is no answer.
func (s Source) Answered() bool {
	switch s.Status {
	case StatusFound, StatusNotFound, StatusDeleted, StatusNoData, StatusOffline:
		return true
	}
	return false
}

// Outcome says which of the four overall states d is in; see the Outcome
// constants.
func (d *Dossier) Outcome() Outcome {
	unitAnswered, found, asked := false, false, false
	for _, s := range d.Sources {
		if s.Status != StatusSkipped {
			asked = true
		}
		if s.Answered() {
			unitAnswered = unitAnswered || s.ID != SourceOwners
			found = found || s.Status != StatusNotFound
		}
	}
	switch {
	case found:
		return OutcomeAnswered
	case unitAnswered:
		return OutcomeNotFound
	case asked:
		return OutcomeUnreachable
	}
	return OutcomeNotAsked
}
