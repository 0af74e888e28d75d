package guikit

import "fyne.io/fyne/v2"

// Preference keys. They are stored by Fyne in the user's preferences file,
// never in the vault, and hold nothing sensitive.
const (
	prefLanguage        = "language"
	prefAutoLockMinutes = "autolock.minutes"
	prefExpiryNotice    = "notice.expiry.day"
	prefEnvironment     = "environment.last"
)

// defaultAutoLockMinutes is how long the vault stays unlocked without use.
const defaultAutoLockMinutes = 10

// Preferences is a typed view of the few settings Motpart keeps outside
// the vault: the interface language and the auto-lock delay.
type Preferences struct {
	p fyne.Preferences
}

// NewPreferences wraps a Fyne preferences store.
func NewPreferences(p fyne.Preferences) Preferences { return Preferences{p: p} }

// Language returns the chosen interface language ("en", "sv", "nb", "fi"),
// or "" to follow the system language.
func (p Preferences) Language() string { return p.p.StringWithFallback(prefLanguage, "") }

// SetLanguage chooses the interface language; "" follows the system.
func (p Preferences) SetLanguage(code string) { p.p.SetString(prefLanguage, code) }

// AutoLockMinutes returns how many idle minutes lock the vault (1–240).
func (p Preferences) AutoLockMinutes() int {
	m := p.p.IntWithFallback(prefAutoLockMinutes, defaultAutoLockMinutes)
	if m < 1 || m > 240 {
		return defaultAutoLockMinutes
	}
	return m
}

// SetAutoLockMinutes sets the idle minutes after which the vault locks.
func (p Preferences) SetAutoLockMinutes(m int) { p.p.SetInt(prefAutoLockMinutes, m) }

// LastExpiryNotice is the day (YYYY-MM-DD) of the last desktop notification
// about expiring certificates, so there is at most one a day.
func (p Preferences) LastExpiryNotice() string { return p.p.String(prefExpiryNotice) }

// SetLastExpiryNotice records the day of an expiry notification.
func (p Preferences) SetLastExpiryNotice(day string) { p.p.SetString(prefExpiryNotice, day) }

// LastEnvironment is the environment the window last knew ("sandbox",
// "test", "production"), so that the unlock screen can show its band
// before the vault that holds the setting is open; "" when none.
func (p Preferences) LastEnvironment() string { return p.p.String(prefEnvironment) }

// SetLastEnvironment records the environment the window knows now.
func (p Preferences) SetLastEnvironment(env string) { p.p.SetString(prefEnvironment, env) }
