import Discipline
import Documents
import Testing

/// The shipped templates name only the fields their letters offer; an unknown one is refused with its line.
@Suite struct LetterTemplateTests {
    @Test func everyShippedTemplateNamesOnlyKnownFields() {
        let problems = LetterTemplates.problemsInShipped()
        #expect(problems.isEmpty, "\(problems.map { "\($0.template):\($0.line) \($0.en)" })")
    }

    @Test func unknownFieldsAndUnclosedSectionsAreRefusedWithTheirLine() throws {
        let library = LetterTemplates.shipped()
        func refusal(_ text: String) -> String? {
            do {
                _ = try library.adding(["decision.fr": text])
                return nil
            } catch {
                return error.fr
            }
        }
        #expect(refusal("Objet\n\n{{#sanctions}}\n- {{libelle}}\n{{/sanctions}}\n") == nil)
        #expect(
            refusal("Objet\n\n{{#sanctions}}\n- {{libele}}\n{{/sanctions}}\n")
                == "modèle decision.fr, ligne 4 : champ inconnu « libele »")
        #expect(
            refusal("Objet\n\n\n{{#recours_possible}}jusqu'au {{echeance}}\n")
                == "modèle decision.fr, ligne 4 : section « recours_possible » jamais fermée")
        #expect(refusal("Objet {{> pied}}\n")?.contains("non admise") == true)
        #expect(refusal("Objet {{sanctions}}\n")?.contains("est une liste") == true)
        // A field of another letter is unknown to this one.
        #expect(refusal("Objet\n{{resume}}\n") == "modèle decision.fr, ligne 2 : champ inconnu « resume »")
    }

    @Test func everyProcedureLetterShipsInFrenchAndEnglishAndEveryLadderInFrench() throws {
        let library = LetterTemplates.shipped()
        for kind in LetterKind.procedureKinds {
            for language in DocumentLanguage.allCases {
                #expect(throws: Never.self) {
                    try library.adding([:]).check(kind, rulebook: "cle-autistes-ri", language: language)
                }
            }
        }
        for ladder in ["aalmi-5", "act-alliance", "cle-5.2", "collectivite", "coopol-4"] {
            #expect(throws: Never.self) { try library.check(.measure, rulebook: ladder, language: .fr) }
        }
    }

    @Test func longDatesNameTheWeekday() throws {
        let day = try #require(Day("2026-02-12"))
        #expect(LongDate.text(day, .fr) == "jeudi 12 février 2026")
        #expect(LongDate.text(try #require(Day("2026-02-01")), .fr) == "dimanche 1er février 2026")
        #expect(LongDate.text(try #require(Day("2026-04-13")), .en) == "Monday 13 April 2026")
    }
}
