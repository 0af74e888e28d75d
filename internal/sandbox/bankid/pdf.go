package bankid

import (
	"bytes"
	"fmt"
	"strings"
)

// PDF writes a minimal, valid PDF of one A4 page holding lines of text in
// Helvetica: a header, the catalogue, the page tree, the page, its
// content stream and the font, an xref table with the objects' byte
// offsets, and the trailer. Text is written in WinAnsiEncoding, so the
// Nordic letters (Å, Ä, Ö, Ø, Æ) print; a character outside it becomes
// "?".
func PDF(lines []string) []byte {
	var content bytes.Buffer
	content.WriteString("BT\n/F1 12 Tf\n14 TL\n50 790 Td\n")
	for _, l := range lines {
		content.WriteString("(")
		content.Write(pdfString(l))
		content.WriteString(") Tj T*\n")
	}
	content.WriteString("ET\n")

	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// pdfString encodes s for a PDF literal string in WinAnsiEncoding
// (Latin-1 for the letters that matter here), escaping \, ( and ).
func pdfString(s string) []byte {
	var b []byte
	for _, r := range s {
		switch {
		case r == '\\' || r == '(' || r == ')':
			b = append(b, '\\', byte(r))
		case r >= 0x20 && r < 0x7f, r >= 0xa0 && r <= 0xff:
			b = append(b, byte(r))
		default:
			b = append(b, '?')
		}
	}
	return b
}

// reportLines are the lines of a report on a company.
func reportLines(title string, c *company, session string) []string {
	lines := []string{title, "", "Company: " + c.Name, "Number: " + c.Number + " (" + strings.ToUpper(c.Country) + ")",
		"Session: " + session, ""}
	for _, r := range c.Roles {
		lines = append(lines, "Role "+r.Type+": "+r.Name)
	}
	for _, o := range c.Beneficials {
		lines = append(lines, fmt.Sprintf("Beneficial owner: %s (%.0f %%)", o.Name, o.OwnerShare))
	}
	lines = append(lines, "Sanctions screening: "+strings.Join(c.Sanction.Lists, ", ")+", "+fmt.Sprint(len(c.Sanction.Hits))+" hits",
		"BANKID SANDBOX - NOT A REAL DOCUMENT", "Page 1 of 1")
	return lines
}
