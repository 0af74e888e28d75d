// Package report writes the KYC report: one PDF of everything Motpart
// knows about a client, for the firm's AML file. It takes the vocabulary
// (a dossier, its ownership graph, notes, AML documents, audit lines) and
// gives an A4 PDF in English, Swedish, Norwegian or Finnish, with the Go
// fonts embedded, that is the same byte for byte for the same input and
// clock. It imports no Fyne, no desk and no registry.
package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ownership"
)

// Input is what a report is made of.
type Input struct {
	// Dossier is the client's dossier, with its AML data when there is
	// some. Required. Where the beneficial owners came from (online, or
	// the offline copy of a date) is read from its Owners and its "rrh"
	// source; the identity numbers in it may be masked or not (FullIDs
	// decides what is printed).
	Dossier *dossier.Dossier
	// Graph is the ownership graph around the client; nil when none.
	Graph *ownership.Graph
	// Notes are the firm's notes on the client.
	Notes []dossier.Note
	// Documents are the AML documents held in the vault for the client.
	Documents []dossier.Document
	// Audit are the audit log's entries for the client, oldest first.
	Audit []AuditLine
	// Firm and Person are who made the report (from Settings).
	Firm, Person string
	// Version is Motpart's version.
	Version string
	// Environment is "production", "test" or "sandbox"; outside
	// production every page is marked as not real ("" counts as sandbox).
	Environment string
	// FullIDs prints identity numbers in full; otherwise they are masked.
	// The choice is printed on the report.
	FullIDs bool
}

// AuditLine is one entry of the audit log about the client.
type AuditLine struct {
	Time   time.Time
	Action string
	Detail string
}

// Options are how a report is written.
type Options struct {
	// Language is "en", "sv", "nb" or "fi"; "" is English.
	Language string
	// Now is the report's creation time: printed on every page and set as
	// the PDF's dates, so the same input and Now give the same bytes.
	Now time.Time
	// Location is the time zone every time is printed in, with its
	// abbreviation ("14:20 CET"); nil is UTC. (Never the machine's own
	// zone unasked, so the output does not depend on where it is made.)
	Location *time.Location
}

// ErrNoDossier is returned when the input has no dossier.
var ErrNoDossier = errors.New("report: no dossier")

// Make returns the report as PDF bytes.
func Make(in Input, opt Options) ([]byte, error) {
	var b bytes.Buffer
	if err := Write(&b, in, opt); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Write writes the report as PDF to w.
func Write(w io.Writer, in Input, opt Options) error {
	if in.Dossier == nil {
		return ErrNoDossier
	}
	if opt.Language == "" {
		opt.Language = "en"
	}
	clean, err := newPrintable()
	if err != nil {
		return err
	}
	if in, err = clean.input(in); err != nil {
		return err
	}
	t, err := newTranslator(opt.Language)
	if err != nil {
		return err
	}
	if opt.Location != nil {
		t.loc = opt.Location
	}
	d := newDoc(in, opt, t)
	d.cover()
	d.facts()
	d.owners()
	d.graph()
	d.aml()
	d.notesAndAudit()
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("report: making the PDF: %w", err)
	}
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("report: writing the PDF: %w", err)
	}
	return nil
}

// Page geometry in millimetres.
const (
	marginLeft   = 18.0
	marginRight  = 18.0
	marginTop    = 24.0
	marginBottom = 20.0
	font         = "go"
)

// doc is a report being written.
type doc struct {
	pdf *gofpdf.Fpdf
	t   *translator
	in  Input
	opt Options
	d   *dossier.Dossier
	// name and number head every page.
	name, number string
	// marking is the SANDBOX/TEST words, "" in production.
	marking string
}

func newDoc(in Input, opt Options, t *translator) *doc {
	p := gofpdf.New("P", "mm", "A4", "")
	p.SetCatalogSort(true)
	p.SetCreationDate(opt.Now)
	p.SetModificationDate(opt.Now)
	p.SetCompression(true)
	// gofpdf may write into the font bytes it is given (checksums), so
	// each document gets its own copy: reports made at the same time, or
	// a report and anything else reading the Go fonts, never share them.
	p.AddUTF8FontFromBytes(font, "", bytes.Clone(goregular.TTF))
	p.AddUTF8FontFromBytes(font, "B", bytes.Clone(gobold.TTF))
	p.AddUTF8FontFromBytes(font, "I", bytes.Clone(goitalic.TTF))
	p.SetMargins(marginLeft, marginTop, marginRight)
	p.SetAutoPageBreak(true, marginBottom)
	p.AliasNbPages("{nb}")
	d := &doc{pdf: p, t: t, in: in, opt: opt, d: in.Dossier}
	d.number = d.d.Number
	if c := d.d.Company; c != nil && c.Name != "" {
		d.name = c.Name
	} else if d.d.AML != nil && d.d.AML.Key != nil {
		d.name = d.d.AML.Key.Name
	}
	switch in.Environment {
	case "production":
	case "test":
		d.marking = t.L("TEST REGISTERS: NOT A REAL CHECK")
	default:
		d.marking = t.L("SANDBOX: MADE-UP DATA, NOT A REAL CHECK")
	}
	title := t.L("KYC report") + ": " + d.name + " (" + d.number + ")"
	p.SetTitle(title, true)
	p.SetAuthor(in.Person, true)
	p.SetCreator("Motpart "+in.Version, true)
	p.SetSubject(t.L("Customer due diligence record"), true)
	p.SetHeaderFuncMode(d.header, true)
	p.SetFooterFunc(d.footer)
	return d
}

// header writes the client's name and number at the top of each page,
// and the marking outside production.
func (d *doc) header() {
	p, t := d.pdf, d.t
	w, _ := p.GetPageSize()
	p.SetY(10)
	p.SetX(marginLeft)
	p.SetFont(font, "B", 9)
	p.SetTextColor(40, 40, 40)
	right := t.L("KYC report")
	rw := p.GetStringWidth(right) + 2
	room := w - marginLeft - marginRight - rw
	// The number always shows; a long name is shortened.
	var number string
	if d.number != "" {
		number = " · " + fit(p, d.number, room/2)
	}
	head := fit(p, d.name, room-2-p.GetStringWidth(number)) + number
	p.CellFormat(room, 5, head, "", 0, "L", false, 0, "")
	p.SetFont(font, "", 9)
	p.CellFormat(rw, 5, right, "", 1, "R", false, 0, "")
	if d.marking != "" {
		p.SetFillColor(198, 40, 40)
		p.SetTextColor(255, 255, 255)
		p.SetFont(font, "B", 8)
		p.SetX(marginLeft)
		p.CellFormat(w-marginLeft-marginRight, 4.5, d.marking, "", 1, "C", true, 0, "")
	}
	p.SetDrawColor(180, 180, 180)
	p.SetLineWidth(0.2)
	y := p.GetY() + 1
	p.Line(marginLeft, y, w-marginRight, y)
	p.SetTextColor(0, 0, 0)
	p.SetY(marginTop)
}

// footer writes "page X of Y" and the creation time.
func (d *doc) footer() {
	p, t := d.pdf, d.t
	w, h := p.GetPageSize()
	p.SetDrawColor(180, 180, 180)
	p.SetLineWidth(0.2)
	p.Line(marginLeft, h-14, w-marginRight, h-14)
	p.SetY(h - 13)
	p.SetX(marginLeft)
	p.SetFont(font, "", 8)
	p.SetTextColor(90, 90, 90)
	half := (w - marginLeft - marginRight) / 2
	p.CellFormat(half, 4, t.L("Created {{.Time}} by Motpart {{.Version}}", map[string]any{"Time": t.when(d.opt.Now), "Version": d.in.Version}), "", 0, "L", false, 0, "")
	p.CellFormat(half, 4, t.L("Page {{.Page}} of {{.Pages}}", map[string]any{"Page": p.PageNo(), "Pages": "{nb}"}), "", 0, "R", false, 0, "")
	if d.marking != "" {
		p.SetY(h - 9)
		p.SetX(marginLeft)
		p.SetTextColor(198, 40, 40)
		p.CellFormat(w-marginLeft-marginRight, 4, d.marking, "", 0, "C", false, 0, "")
	}
	p.SetTextColor(0, 0, 0)
}

// fit shortens s with "…" until it is at most w wide in the current font.
func fit(p *gofpdf.Fpdf, s string, w float64) string {
	if p.GetStringWidth(s) <= w {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		m := (lo + hi + 1) / 2
		if p.GetStringWidth(string(r[:m])+"…") <= w {
			lo = m
		} else {
			hi = m - 1
		}
	}
	return string(r[:lo]) + "…"
}
