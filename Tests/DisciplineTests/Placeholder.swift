import Testing
@Test func placeholderDiscipline() { #expect(Bool(true)) }
