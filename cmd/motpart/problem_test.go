package main

import (
	"errors"
	"fmt"
	"testing"

	"github.com/motpart/motpart/internal/problem"
)

// coded is a register's error as the clients write them.
type coded struct{ code problem.Code }

func (c *coded) Error() string         { return "register: " + string(c.code) }
func (c *coded) Problem() problem.Code { return c.code }

func TestProblemWords(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"register code", fmt.Errorf("lookup: %w", &coded{problem.CodeTimeout}),
			"The register did not answer in time. Try again in a moment. [timeout] (lookup: register: timeout)"},
		{"use case over register", problem.New(problem.CodeRegisterFailed, &coded{problem.CodeOwnersAccessRefused}),
			problem.Text(problem.CodeOwnersAccessRefused) + " [owners_access_refused] (the register could not be asked: register: owners_access_refused)"},
		{"use case", problem.New(problem.CodeNoteNotFound, nil), "there is no note with that id"},
		{"plain", errors.New("the two passwords differ"), "the two passwords differ"},
	}
	for _, tt := range tests {
		if got := problemWords(tt.err); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}
