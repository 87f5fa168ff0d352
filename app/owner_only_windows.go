package app

import (
	"fmt"

	"golang.org/x/sys/windows"
)

// RestrictToOwner makes the file or folder at path readable and writable
// by the signed-in Windows user alone: its access list is replaced by one
// entry for that user, and no longer inherits the folder's entries. This is
// Windows' counterpart of mode 0600 (0700 for a folder), which Windows
// ignores. An administrator can still take ownership of the file, as root
// can read a 0600 file elsewhere.
func RestrictToOwner(path string) error {
	user, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return fmt.Errorf("cannot find the Windows account to keep %s private to: %w", path, err)
	}
	acl, err := windows.ACLFromEntries([]windows.EXPLICIT_ACCESS{{
		AccessPermissions: windows.GENERIC_ALL,
		AccessMode:        windows.SET_ACCESS,
		Inheritance:       windows.SUB_CONTAINERS_AND_OBJECTS_INHERIT,
		Trustee: windows.TRUSTEE{
			TrusteeForm:  windows.TRUSTEE_IS_SID,
			TrusteeType:  windows.TRUSTEE_IS_USER,
			TrusteeValue: windows.TrusteeValueFromSID(user.User.Sid),
		},
	}}, nil)
	if err != nil {
		return fmt.Errorf("cannot make the access list that keeps %s private: %w", path, err)
	}
	err = windows.SetNamedSecurityInfo(path, windows.SE_FILE_OBJECT,
		windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION, nil, nil, acl, nil)
	if err != nil {
		return fmt.Errorf("cannot make %s private to you: %w", path, err)
	}
	return nil
}
