package desk

import "testing"

func TestEnvironmentName(t *testing.T) {
	tests := []struct {
		name    string
		run     Environment // the run's choice
		create  bool        // make the vault
		setting string      // the stored setting, "" for none
		lock    bool        // lock it again
		want    string
	}{
		{"no vault yet: the sandbox a new vault starts in", "", false, "", false, "sandbox"},
		{"no vault yet, the run chose test", EnvTest, false, "", false, "test"},
		{"unlocked, no setting", "", true, "", false, "sandbox"},
		{"unlocked, set to test", "", true, "test", false, "test"},
		{"unlocked, set to production", "", true, "production", false, "production"},
		{"locked: not known", "", true, "test", true, ""},
		{"locked, the run chose production", EnvProduction, true, "test", true, "production"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newTestDesk(t)
			d.cfg.Environment = tt.run
			if tt.create {
				if err := d.CreateVault([]byte("correct horse")); err != nil {
					t.Fatal(err)
				}
				if tt.setting != "" {
					if err := d.SetSetting(SettingEnvironment, tt.setting); err != nil {
						t.Fatal(err)
					}
				}
			}
			if tt.lock {
				if err := d.Lock(); err != nil {
					t.Fatal(err)
				}
			}
			if got := d.EnvironmentName(); got != tt.want {
				t.Errorf("EnvironmentName() = %q, want %q", got, tt.want)
			}
		})
	}
}
