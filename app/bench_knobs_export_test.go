package app

// This file lends the external benchmarks (package app_test) the two
// settings whose cost they measure; it is compiled only into tests.

// BenchSynchronous sets SQLite's synchronous mode for databases opened
// from now on and returns a function that puts the old mode back.
func BenchSynchronous(mode string) (restore func()) {
	was := sqliteSynchronous
	sqliteSynchronous = mode
	return func() { sqliteSynchronous = was }
}

// BenchUnchainAudit makes s write its audit events as releases before the
// hash chain did (see unchainedAudit), dropping the unique index on places
// that unchained events would break; the returned function turns the chain
// back on for databases opened later.
func BenchUnchainAudit(s *Services) (restore func(), err error) {
	if err := s.core.db.Exec("DROP INDEX idx_audit_chain_seq").Error; err != nil {
		return nil, err
	}
	was := unchainedAudit
	unchainedAudit = true
	return func() { unchainedAudit = was }, nil
}
