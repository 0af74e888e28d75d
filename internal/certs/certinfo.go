package certs

import "github.com/motpart/motpart/internal/certinfo"

// CertCode returns e's code in the vocabulary of certinfo, so a screen can
// tell certificate problems apart with certinfo.CodeOf without importing
// this package. The two code sets have the same values.
func (e *Error) CertCode() certinfo.Code { return certinfo.Code(e.Code) }
