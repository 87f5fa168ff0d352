package main

import (
	_ "embed"

	"perinatal-caseload/views"
)

// The clinical safety documents travel inside the program, so the Settings
// screen can show the ones this build was released with.
var (
	//go:embed docs/clinical-safety/safety-case.md
	safetyCase string
	//go:embed docs/clinical-safety/hazard-log.md
	hazardLog string
)

// about is what the GUI says about this build.
func about() views.About {
	return views.About{Version: Version, SafetyCase: safetyCase, HazardLog: hazardLog}
}
