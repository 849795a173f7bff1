import Testing
@Test func placeholderGreffeCLI() { #expect(Bool(true)) }
