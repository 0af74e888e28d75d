//go:build !unix

package setup

import "time"

// cpuTime is not measured outside Unix: 0.
func cpuTime() time.Duration { return 0 }
