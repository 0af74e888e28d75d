package guikit

// About is what the About box says of this build of Motpart; cmd/desktop
// fills it (Host.About) from the build's own record.
type About struct {
	// Version, Commit (may be "") and Built (the commit's date, "" when
	// not recorded) name the build; Go and Platform what it was built
	// with and for.
	Version, Commit, Built, Go, Platform string
	// Modules are the open-source modules built in, "path version" each,
	// whose licences ship beside the program.
	Modules []string
}
