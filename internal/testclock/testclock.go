// Package testclock gives tests their pinned clocks, moved by one offset
// read from one place, so that "every test clock a month ahead" can be
// run: MOTPART_TEST_CLOCK_SHIFT holds a Go duration ("720h", "8760h",
// "-24h"); unset or empty means no shift. `make test-aged` runs the unit
// tests shifted. It is for tests only: no program code imports it.
//
// A test that pins a clock for a golden file or a fixed expected string
// may keep a plain time.Date; every other pinned clock is a Date, so that
// nothing in the suite depends on the real date.
package testclock

import (
	"fmt"
	"os"
	"time"
)

// EnvShift is the environment variable that holds the shift.
const EnvShift = "MOTPART_TEST_CLOCK_SHIFT"

// Shift returns the duration every pinned test clock is moved by: the
// value of MOTPART_TEST_CLOCK_SHIFT, or 0 when it is unset or empty. A
// value that is not a Go duration panics, so that a mistyped shift fails
// the run instead of testing nothing.
func Shift() time.Duration {
	s := os.Getenv(EnvShift)
	if s == "" {
		return 0
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		panic(fmt.Sprintf("testclock: %s=%q is not a Go duration (e.g. 720h): %v", EnvShift, s, err))
	}
	return d
}

// Date returns time.Date(year, month, day, hour, min, sec, nsec, loc)
// moved by Shift.
func Date(year int, month time.Month, day, hour, min, sec, nsec int, loc *time.Location) time.Time {
	return time.Date(year, month, day, hour, min, sec, nsec, loc).Add(Shift())
}

// Clock returns a clock that always says t: for a Config's Now.
func Clock(t time.Time) func() time.Time {
	return func() time.Time { return t }
}
