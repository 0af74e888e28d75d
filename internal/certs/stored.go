package certs

import "github.com/motpart/motpart/internal/certinfo"

// Stored is a certificate kept in the vault under the name the user gave
// it, described as of some moment; lists of certificates hold these, so a
// screen never needs the private key (certinfo.Stored).
type Stored = certinfo.Stored
