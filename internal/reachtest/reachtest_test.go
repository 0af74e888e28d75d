package reachtest

import (
	"reflect"
	"testing"
)

type secret struct{ key string }

type holder struct {
	Name   string
	inner  *holder
	list   []any
	byName map[string]*secret
	skip   *skipped
}

type skipped struct{ s *secret }

func TestFind(t *testing.T) {
	isSecret := func(v reflect.Value) string {
		if v.Type() == reflect.TypeOf(secret{}) {
			return "a secret"
		}
		return ""
	}
	loop := &holder{Name: "loop"}
	loop.inner = loop
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"nothing", &holder{Name: "x"}, ""},
		{"a cycle ends", loop, ""},
		{"through a pointer", &holder{inner: &holder{byName: map[string]*secret{"a": {"k"}}}}, "root.inner.byName{}: a secret"},
		{"in a slice of interfaces", holder{list: []any{1, &secret{"k"}}}, "root.list[]: a secret"},
		{"not in a skipped type", holder{skip: &skipped{&secret{"k"}}}, ""},
	}
	for _, tt := range tests {
		if got := Find(reflect.ValueOf(tt.v), "root", isSecret, reflect.TypeOf(skipped{})); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
