package portfolio

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"
)

func day(d int) time.Time { return time.Date(2026, 3, d, 12, 0, 0, 0, time.UTC) }

func change(number string, detected int, f Field, r Reason) Change {
	return Change{Number: number, Detected: day(detected), Field: f, Reason: r, Risk: ReasonRisk(r)}
}

func sample() []Change {
	return []Change{
		change("2", 1, FieldName, ReasonRenamed),
		change("1", 3, FieldIndustry, ReasonIndustryChanged),
		change("1", 3, FieldStatus, ReasonBankruptcyOpened),
		change("2", 3, FieldBoard, ReasonBoardMemberAdded),
		change("1", 2, FieldAuditor, ReasonAuditorResigned),
		change("2", 3, FieldBoard, ReasonChairChanged),
	}
}

func ids(cs []Change) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Number+"/"+string(c.Reason))
	}
	return out
}

func TestSortChanges(t *testing.T) {
	cs := sample()
	SortChanges(cs)
	want := []string{"1/bankruptcy_opened", "1/industry_changed", "2/board_member_added", "2/chair_changed",
		"1/auditor_resigned", "2/renamed"}
	if got := ids(cs); !slices.Equal(got, want) {
		t.Errorf("sorted %v, want %v", got, want)
	}
}

func TestFilterChanges(t *testing.T) {
	cases := []struct {
		name string
		f    ChangeFilter
		want []string
	}{
		{"all", ChangeFilter{}, []string{"1/bankruptcy_opened", "1/industry_changed", "2/board_member_added",
			"2/chair_changed", "1/auditor_resigned", "2/renamed"}},
		{"high", ChangeFilter{MinRisk: RiskHigh}, []string{"1/bankruptcy_opened", "1/auditor_resigned"}},
		{"medium up", ChangeFilter{MinRisk: RiskMedium}, []string{"1/bankruptcy_opened", "2/board_member_added",
			"2/chair_changed", "1/auditor_resigned", "2/renamed"}},
		{"since", ChangeFilter{Since: day(2)}, []string{"1/bankruptcy_opened", "1/industry_changed",
			"2/board_member_added", "2/chair_changed", "1/auditor_resigned"}},
		{"one client", ChangeFilter{Number: "2"}, []string{"2/board_member_added", "2/chair_changed", "2/renamed"}},
		{"limit", ChangeFilter{Limit: 2}, []string{"1/bankruptcy_opened", "1/industry_changed"}},
		{"everything at once", ChangeFilter{Since: day(2), MinRisk: RiskMedium, Number: "1", Limit: 1}, []string{"1/bankruptcy_opened"}},
		{"nothing", ChangeFilter{Number: "3"}, nil},
	}
	for _, tc := range cases {
		in := sample()
		before := slices.Clone(in)
		if got := ids(FilterChanges(in, tc.f)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
		if !reflect.DeepEqual(in, before) {
			t.Errorf("%s: FilterChanges changed its input", tc.name)
		}
	}
}

func TestMaxRiskAndFlags(t *testing.T) {
	cases := []struct {
		name  string
		cs    []Change
		since time.Time
		risk  Risk
		flags []Reason
	}{
		{"none", nil, time.Time{}, RiskNone, nil},
		{"low only", []Change{change("1", 1, FieldIndustry, ReasonIndustryChanged)}, time.Time{}, RiskLow, nil},
		{"all", sample(), time.Time{}, RiskHigh, []Reason{ReasonBankruptcyOpened, ReasonAuditorResigned,
			ReasonRenamed, ReasonChairChanged, ReasonBoardMemberAdded}},
		{"since", sample(), day(3), RiskHigh, []Reason{ReasonBankruptcyOpened, ReasonChairChanged, ReasonBoardMemberAdded}},
		{"twice the same", []Change{change("1", 1, FieldBoard, ReasonBoardMemberAdded), change("1", 2, FieldBoard, ReasonBoardMemberAdded)},
			time.Time{}, RiskMedium, []Reason{ReasonBoardMemberAdded}},
	}
	for _, tc := range cases {
		if got := MaxRisk(tc.cs); got != tc.risk {
			t.Errorf("%s: MaxRisk %v, want %v", tc.name, got, tc.risk)
		}
		if got := Flags(tc.cs, tc.since); !slices.Equal(got, tc.flags) {
			t.Errorf("%s: Flags %v, want %v", tc.name, got, tc.flags)
		}
	}
	if got, want := FlagsSince(day(31)), day(1); !got.Equal(want) {
		t.Errorf("FlagsSince %v, want %v", got, want)
	}
}

func TestReasons(t *testing.T) {
	risks := map[Reason]Risk{
		ReasonBankruptcyOpened: RiskHigh, ReasonLiquidationStarted: RiskHigh, ReasonForcedDissolution: RiskHigh,
		ReasonDeleted: RiskHigh, ReasonStruckOff: RiskHigh, ReasonNotFoundAnyMore: RiskHigh, ReasonAuditorResigned: RiskHigh,
		ReasonNewBeneficialOwner: RiskHigh, ReasonOwnersFewerIdentified: RiskHigh, ReasonSanctionsHit: RiskHigh, ReasonPEPHit: RiskHigh,
		ReasonRenamed: RiskMedium, ReasonCEOChanged: RiskMedium, ReasonChairChanged: RiskMedium, ReasonBoardMemberAdded: RiskMedium,
		ReasonBoardMemberLeft: RiskMedium, ReasonAuditorAppointed: RiskMedium, ReasonSignatureChanged: RiskMedium,
		ReasonProcurationChanged: RiskMedium, ReasonBeneficialOwnerGone: RiskMedium, ReasonOwnerPositionChanged: RiskMedium,
		ReasonShareholdingChanged: RiskMedium, ReasonClosed: RiskMedium, ReasonOwnersStatusChanged: RiskMedium, ReasonReinstated: RiskMedium,
		ReasonBusinessAddressChanged: RiskLow, ReasonPostalAddressChanged: RiskLow, ReasonIndustryChanged: RiskLow,
		ReasonAccountantChanged: RiskLow, ReasonRoleChanged: RiskLow, ReasonBankruptcyEnded: RiskLow, ReasonLiquidationEnded: RiskLow,
		ReasonForcedDissolutionEnded: RiskLow, ReasonSanctionsCleared: RiskLow, ReasonPEPCleared: RiskLow,
	}
	rs := Reasons()
	if len(rs) != len(risks) {
		t.Errorf("%d reasons, want %d", len(rs), len(risks))
	}
	texts := map[string]bool{}
	for _, r := range rs {
		if got := ReasonRisk(r); got != risks[r] {
			t.Errorf("ReasonRisk(%s) = %v, want %v", r, got, risks[r])
		}
		txt := ReasonText(r)
		if txt == "" || txt == string(r) || texts[txt] {
			t.Errorf("ReasonText(%s) = %q: empty, the code, or not unique", r, txt)
		}
		texts[txt] = true
	}
	for r, txt := range map[Reason]string{ReasonAuditorResigned: "Auditor resigned", ReasonNewBeneficialOwner: "New beneficial owner",
		ReasonBankruptcyOpened: "Bankruptcy opened", "no_such": "no_such"} {
		if got := ReasonText(r); got != txt {
			t.Errorf("ReasonText(%s) = %q, want %q", r, got, txt)
		}
	}
	if ReasonRisk("no_such") != RiskNone {
		t.Error("an unknown reason has a risk")
	}
}

func TestRoleField(t *testing.T) {
	for code, want := range map[string]Field{"LEDE": FieldBoard, "NEST": FieldBoard, "MEDL": FieldBoard, "VARA": FieldBoard,
		"DAGL": FieldCEO, "REVI": FieldAuditor, "REGN": FieldAccountant, "SIGN": FieldSignature, "PROK": FieldProcuration,
		"KONT": FieldOtherRole, "dagl": FieldCEO, "": FieldOtherRole} {
		if got := RoleField(code); got != want {
			t.Errorf("RoleField(%q) = %s, want %s", code, got, want)
		}
	}
}

func FuzzDiff(f *testing.F) {
	for _, d := range []func(time.Time) Snapshot{
		func(at time.Time) Snapshot { return SnapshotOf(norwegian(at)) },
		func(at time.Time) Snapshot { return SnapshotOf(finnish(at)) },
		func(at time.Time) Snapshot { return SnapshotOf(swedish(at)) },
	} {
		a, _ := json.Marshal(d(t0))
		f.Add(a, a)
	}
	for _, tc := range diffCases() {
		base := tc.base
		if base == nil {
			base = norwegian
		}
		o, n := base(t0), base(t1)
		tc.edit(o, n)
		a, _ := json.Marshal(SnapshotOf(o))
		b, _ := json.Marshal(SnapshotOf(n))
		f.Add(a, b)
	}
	f.Add([]byte(`{"known":["company","roles"],"found":true,"roles":[{"type":"LEDE","key":"x"},{"type":"LEDE","key":"x"}]}`),
		[]byte(`{"known":["company","roles"],"found":false}`))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		var old, new Snapshot
		if json.Unmarshal(a, &old) != nil || json.Unmarshal(b, &new) != nil {
			return
		}
		for _, s := range []Snapshot{old, new} {
			if got := Diff(s, s); len(got) != 0 {
				t.Fatalf("Diff(s, s) = %+v", got)
			}
		}
		first := Diff(old, new)
		if again := Diff(old, new); !reflect.DeepEqual(first, again) {
			t.Fatalf("Diff not deterministic:\n%+v\n%+v", first, again)
		}
		for _, c := range first {
			if c.Risk != ReasonRisk(c.Reason) || c.Risk == RiskNone {
				t.Fatalf("change %+v: risk %v", c, c.Risk)
			}
			// Text fields change only when their text does (two people
			// of one name are two holders with the same line).
			textual := []Field{FieldName, FieldBusinessAddress, FieldPostalAddress, FieldIndustry}
			if slices.Contains(textual, c.Field) && c.Old == c.New {
				t.Fatalf("change without a difference: %+v", c)
			}
		}
	})
}
