package desk

import (
	"strings"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
)

// MaskIdentity masks a personal identity number as every screen and the
// command line show it ("128368 *****"); a value that is not one is
// masked whole.
func MaskIdentity(id string) string {
	if strings.Contains(id, "*") { // masked already
		return id
	}
	n, err := ident.Parse(id, ident.Options{AllowTestData: true})
	if err != nil {
		return "*****"
	}
	return n.Masked()
}

// Masked returns a copy of dos with every personal identity number masked
// by MaskIdentity: what Lookup, SavedDossier and RefreshSource return to
// the window and the command line. Revealing one is
// RevealOwnerID, which writes an audit entry.
func Masked(dos *dossier.Dossier) *dossier.Dossier {
	if dos == nil {
		return nil
	}
	return dos.MaskIdentities(MaskIdentity)
}
