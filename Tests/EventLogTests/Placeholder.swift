import Testing
@Test func placeholderEventLog() { #expect(Bool(true)) }
