package ident

func parseFI(d *[12]byte, v uint64) (Number, reason) {
	if !mod11(d[:8], wFI[:]) {
		return Number{k: kFI}, rChecksum
	}
	return Number{v: v, k: kFI}, rNone
}
