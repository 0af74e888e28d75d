package guikit

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Entry is a text field that leaves the window's shortcuts to the window.
// Fyne hands every shortcut typed while an entry has the focus to that
// entry alone, and widget.Entry drops the ones it does not know, so Ctrl+L,
// Ctrl+F, Ctrl+R, Alt+Left or Ctrl+1 would do nothing while the user is
// typing. Entry keeps the shortcuts that edit text (copy, cut, paste,
// select all, undo, redo, and the word moves and deletions) and passes
// every other one on to its Host, where the window's shortcuts are
// registered (Host.AddShortcut).
//
// Tab always moves the focus on, in multi-line entries too: no field of
// Motpart's window wants a tab character.
type Entry struct {
	widget.Entry
	host *Host
}

// NewEntry is a single-line Entry on h's window.
func NewEntry(h *Host) *Entry {
	e := &Entry{host: h}
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry is a multi-line Entry on h's window that wraps at word
// boundaries.
func NewMultiLineEntry(h *Host) *Entry {
	e := &Entry{host: h}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// NewPasswordEntry is a single-line Entry on h's window that hides what is
// typed.
func NewPasswordEntry(h *Host) *Entry {
	e := &Entry{host: h}
	e.Password = true
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut edits the text for the entry's own shortcuts and passes
// the others on to the window.
func (e *Entry) TypedShortcut(s fyne.Shortcut) {
	if e.host == nil || !PassesOn(s) {
		e.Entry.TypedShortcut(s)
		return
	}
	e.host.TypedShortcut(s)
}

// AcceptsTab reports false: Tab moves the focus to the next control.
func (e *Entry) AcceptsTab() bool { return false }

// PassesOn reports whether an Entry passes the shortcut s on to the window
// instead of handling it: every shortcut with a modifier that is not one of
// a text field's own (the standard clipboard, select-all and undo
// shortcuts, and the arrows, Home, End, Backspace and Delete with the
// modifiers that move or delete by word).
func PassesOn(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok {
		return false // copy, cut, paste, select all, undo, redo
	}
	switch cs.KeyName {
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown,
		fyne.KeyHome, fyne.KeyEnd, fyne.KeyBackspace, fyne.KeyDelete:
		// Alt with an arrow is the browser's back and forward everywhere
		// but on macOS, where it moves by word.
		return cs.Modifier == fyne.KeyModifierAlt && runtime.GOOS != "darwin"
	}
	return cs.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierAlt|fyne.KeyModifierSuper) != 0
}

// AddShortcut adds a shortcut to h's window: to its canvas, for when no
// text field has the focus, and to what every Entry on the window passes
// on. Adding a shortcut under a name it already has replaces it.
func (h *Host) AddShortcut(s fyne.Shortcut, handler func(fyne.Shortcut)) {
	h.Win.Canvas().AddShortcut(s, handler)
	h.shortcuts.AddShortcut(s, handler)
}

// TypedShortcut runs the window's handler of s, if it has one.
func (h *Host) TypedShortcut(s fyne.Shortcut) { h.shortcuts.TypedShortcut(s) }
