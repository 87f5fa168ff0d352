package referralform

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds the referral-form parser arbitrary bytes, starting from
// the valid and invalid fixtures. It must never panic, and whatever it
// accepts must be a referral.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"valid", "invalid"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "referrals", dir, "*.json"))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse(data)
		if err == nil && r == nil {
			t.Fatal("Parse accepted the input but returned no referral")
		}
	})
}
