// Package archtest holds no code: its test checks that every package keeps
// to the layer rules of DESIGN.md (see docs/ARCHITECTURE.md).
package archtest
