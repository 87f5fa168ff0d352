package app

import "strings"

func stringsToLowerTrim(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
