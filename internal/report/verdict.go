package report

import (
	"strconv"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/dossier"
)

// Verdict is the one-line verdict of what the check found, in English
// ("Active. Beneficial owners registered and identified. No sanctions
// hits."), and what is missing from it, each item a short English line.
// The verdict never reads more into an answer than it says: owners a
// company has not registered are "not registered" (never "not required"),
// a company nobody screened is "not screened" (never "no hits"), and a
// source that failed "could not be reached" (never "not found").
func Verdict(in Input) (line string, missing []string) {
	t, err := newTranslator("en")
	if err != nil {
		// The English file is embedded: this cannot happen in a build
		// that passed its tests; answer with the keys themselves.
		t = &translator{lang: "en", texts: map[string]string{}, style: styles["en"], loc: time.UTC}
	}
	return verdict(in, t)
}

// verdict is Verdict in t's language.
func verdict(in Input, t *translator) (line string, missing []string) {
	var parts []string
	d := in.Dossier
	if d == nil {
		d = &dossier.Dossier{}
	}
	parts = append(parts, standing(d, t))

	owners, ownersMissing := ownersVerdict(d, t)
	if owners != "" {
		parts = append(parts, owners)
	}
	missing = append(missing, ownersMissing...)

	switch s := screening(d); {
	case s == nil:
		parts = append(parts, t.L("Not screened for sanctions or politically exposed persons."))
		missing = append(missing, t.L("Sanctions and PEP screening: not screened"))
	case len(s.Sanctions) > 0 && len(s.PEP) > 0:
		parts = append(parts, t.L("SANCTIONS HIT."), t.L("Politically exposed person."))
	case len(s.Sanctions) > 0:
		parts = append(parts, t.L("SANCTIONS HIT."))
	case len(s.PEP) > 0:
		parts = append(parts, t.L("No sanctions hits."), t.L("Politically exposed person."))
	default:
		parts = append(parts, t.L("No sanctions hits."))
	}

	failed := false
	for _, s := range d.Sources {
		switch s.Status {
		case dossier.StatusFailed:
			failed = true
			missing = append(missing, t.L("{{.Source}}: could not be reached", map[string]any{"Source": t.sourceName(s.ID)}))
		case dossier.StatusNoAccess:
			failed = true
			missing = append(missing, t.L("{{.Source}}: no access", map[string]any{"Source": t.sourceName(s.ID)}))
		}
	}
	for _, c := range d.Carried {
		missing = append(missing, t.L("{{.Part}}: last known data from {{.Date}}", map[string]any{"Part": partName(c.Part, t), "Date": t.day(c.Fetched)}))
	}
	if failed {
		parts = append(parts, t.L("Some sources could not be reached."))
	}
	return strings.Join(parts, " "), missing
}

// standing is the company's standing as the verdict's first sentence.
func standing(d *dossier.Dossier, t *translator) string {
	c := d.Company
	if c == nil {
		if !d.Complete() {
			return t.L("The company could not be read: its registers could not be reached.")
		}
		return t.L("No register knows the company.")
	}
	var s []string
	if c.Deleted {
		s = append(s, t.L("Deleted."))
	}
	if c.Bankrupt {
		s = append(s, t.L("Bankrupt."))
	}
	if c.UnderLiquidation {
		s = append(s, t.L("Under liquidation."))
	}
	if c.UnderForcedDissolution {
		s = append(s, t.L("Under forced dissolution."))
	}
	if c.ClosedDate != "" && !c.Deleted {
		s = append(s, t.L("Closed down."))
	}
	if len(s) == 0 {
		return t.L("Active.")
	}
	return strings.Join(s, " ")
}

// ownersSource is the dossier's answer of the Register of beneficial
// owners, nil when it was not asked.
func ownersSource(d *dossier.Dossier) *dossier.Source {
	for i := range d.Sources {
		if d.Sources[i].ID == dossier.SourceOwners {
			return &d.Sources[i]
		}
	}
	return nil
}

// ownersVerdict is what the verdict says of the beneficial owners.
func ownersVerdict(d *dossier.Dossier, t *translator) (string, []string) {
	src := ownersSource(d)
	o := d.Owners
	if o == nil {
		switch {
		case src == nil:
			if d.AML != nil && len(d.AML.Beneficials) > 0 {
				return t.L("Beneficial owners given by BankID only."), []string{t.L("Register of beneficial owners: not asked")}
			}
			return t.L("Beneficial owners not checked."), []string{t.L("Register of beneficial owners: not asked")}
		case src.Status == dossier.StatusFailed || src.Status == dossier.StatusNoAccess:
			// Named with the other sources that failed.
			return t.L("Beneficial owners unknown: the register could not be reached."), nil
		case src.Status == dossier.StatusNotFound || (src.FollowUp != nil && src.FollowUp.Reason == dossier.FollowUpOwnersNotRegistered):
			return t.L("Beneficial owners not registered."), []string{t.L("Beneficial owners: not registered; find out whether the company must register them")}
		}
		return t.L("Beneficial owners not registered."), []string{t.L("Beneficial owners: not registered; find out whether the company must register them")}
	}
	var line string
	var missing []string
	switch strings.ToLower(o.Status.Code) {
	case dossier.OwnersAllIdentified:
		line = t.L("Beneficial owners registered and identified.")
	case dossier.OwnersSomeIdentified:
		line = t.L("Beneficial owners registered; some cannot be identified.")
		missing = append(missing, t.L("Beneficial owners: some cannot be identified"))
	case dossier.OwnersNoneIdentified:
		line = t.L("Beneficial owners registered; none can be identified.")
		missing = append(missing, t.L("Beneficial owners: none can be identified"))
	case dossier.OwnersNone, dossier.OwnersNorwegianState, dossier.OwnersForeignState:
		line = t.L("Registered as having no beneficial owners.")
	default:
		line = t.L("Beneficial owners registered.")
	}
	if o.Source == "offline" {
		line = strings.TrimSuffix(line, ".") + " (" + t.L("from the offline copy of {{.Date}}", map[string]any{"Date": t.date(o.CopyDate)}) + ")."
	}
	return line, missing
}

// screening is the dossier's sanctions and PEP screening, nil when none.
func screening(d *dossier.Dossier) *dossier.Screening {
	if d.AML == nil {
		return nil
	}
	return d.AML.Screening
}

// partName names a part of a dossier.
func partName(p dossier.Part, t *translator) string {
	switch p {
	case dossier.PartCompany:
		return t.L("Company facts")
	case dossier.PartRoles:
		return t.L("Roles")
	case dossier.PartSubUnits:
		return t.L("Sub-units")
	case dossier.PartOwners:
		return t.L("Beneficial owners")
	}
	return string(p)
}

// count writes n.
func count(n int) string { return strconv.Itoa(n) }
