import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// Issue 19: `greffe backup`, `restore`, `import` and `sync` through the built binary; every refusal exits with its
/// documented code and leaves nothing behind (no file, no store, no temporary folder, the same head).
@Suite struct BackupCommandTests {
    let sample = SampleCaseTests()

    /// `greffe ARGS` on another store of the fixture's directory.
    func greffe(_ f: CLIFixture, _ arguments: [String], store: String) throws -> CLIFixture.Result {
        try f.greffe(arguments + ["--store", store], withStore: false, environment: SampleCaseTests.today)
    }

    /// The head (`SEQ HASH`) of another store of the fixture's directory.
    func head(_ f: CLIFixture, store: String) throws -> String {
        let verified = try greffe(f, ["log", "verify", "--json"], store: store)
        expectExit(verified.status, .ok, "\(verified.stdout) \(verified.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(verified.stdout.utf8)) as? [String: Any]
        let head = object?["head"] as? [String: Any]
        return "\(head?["sequence"] ?? "?") \(head?["hash"] ?? "?")"
    }

    /// Names in the fixture's directory that a refusal must not leave: temporary folders start with a dot.
    func leftovers(_ f: CLIFixture) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: f.directory).filter { $0.hasPrefix(".") }
    }

    func export(_ f: CLIFixture, _ name: String, store: String? = nil) throws -> String {
        let file = f.directory + "/" + name
        let done = try greffe(f, ["export", "--format", "jsonl", "--out", file], store: store ?? f.store)
        expectExit(done.status, .ok, "\(done.stderr)")
        return file
    }

    // MARK: backup and restore

    @Test func backupAndRestoreRoundTripWhileAnotherProcessAppends() throws {
        let f = try sample.sampleStore()
        let stress = Process()
        stress.executableURL = builtProduct("greffe-stress")
        stress.arguments = ["race", f.store, "stress", "400", "w"]
        stress.standardOutput = FileHandle.nullDevice
        try stress.run()
        var backups: [String] = []
        for n in 0..<3 {
            let file = f.directory + "/backup-\(n).mdb"
            let done = try f.greffe(["backup", "--out", file])
            expectExit(done.status, .ok, "\(done.stderr)")
            #expect(done.stdout.hasPrefix("Sauvegarde vérifiée : \(file) ("), "\(done.stdout)")
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600)
            backups.append(file)
        }
        stress.waitUntilExit()
        #expect(stress.terminationStatus == 0)
        var heads: Set<String> = []
        for (n, file) in backups.enumerated() {
            let restored = f.directory + "/restored-\(n)"
            let done = try greffe(f, ["restore", file], store: restored)
            expectExit(done.status, .ok, "\(done.stderr)")
            let copyHead = try head(f, store: restored)
            heads.insert(copyHead)
            // The copy is the original as of one commit: the original has the copy's head record, with its hash.
            let parts = copyHead.split(separator: " ").map(String.init)
            let same = try f.greffe(["log", "verify", "--from", parts[0], "--hash", parts[1]])
            expectExit(same.status, .ok, "backup \(n) at \(copyHead) is not a state of the original: \(same.stdout)")
        }
        #expect(try leftovers(f).isEmpty)
        print("backups during the race: heads \(heads.sorted())")
    }

    /// The personal data keys travel with the backup (FILE.keys): a restored register still reads its names and
    /// texts; a backup restored without its keys file reads « [chiffré] » instead (R35, docs/privacy.md).
    @Test func R35_theKeysAreBackedUpAndRestoredWithTheLog() throws {
        let f = try CLIFixture.withSampleComplaint()
        let file = f.directory + "/sauvegarde.mdb"
        let made = try f.greffe(["backup", "--out", file])
        expectExit(made.status, .ok, "\(made.stderr)")
        #expect(made.stdout.contains("Clés des données personnelles : \(file).keys (0600)"), "\(made.stdout)")
        let attributes = try FileManager.default.attributesOfItem(atPath: file + ".keys")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let restored = f.directory + "/restaure"
        expectExit(try greffe(f, ["restore", file], store: restored).status, .ok)
        #expect(FileManager.default.fileExists(atPath: restored + "/keys/data.mdb"))
        let shown = try greffe(f, ["members", "show", "M0004"], store: restored)
        #expect(shown.stdout.contains("Damien Roux"), "\(shown.stdout)\(shown.stderr)")
        // A second backup to the same name is refused, the keys file too, and nothing is replaced.
        let again = try f.greffe(["backup", "--out", file])
        expectExit(again.status, .usage)
        // Without the keys file, the log is restored but the names cannot be read.
        try FileManager.default.removeItem(atPath: file + ".keys")
        let bare = f.directory + "/sans-cles"
        expectExit(try greffe(f, ["restore", file], store: bare).status, .ok)
        #expect(!FileManager.default.fileExists(atPath: bare + "/keys/data.mdb"))
    }

    @Test func backupRefusesAnExistingTargetAndReplacesNothing() throws {
        let f = try sample.sampleStore()
        let file = f.directory + "/existing.mdb"
        try "garder".write(toFile: file, atomically: true, encoding: .utf8)
        let refused = try f.greffe(["backup", "--out", file])
        expectExit(refused.status, .usage)
        #expect(refused.stderr == "greffe : \(file) existe déjà ; rien n'a été remplacé\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "garder")
        #expect(try leftovers(f).isEmpty)
    }

    @Test func backupOnAFullDiskLeavesNothing() throws {
        // A file-size limit makes writes fail as a full disk does (EFBIG instead of ENOSPC); SIGXFSZ is ignored so
        // that the write returns the error instead of stopping the process.
        let f = try sample.sampleStore()
        let file = f.directory + "/full.mdb"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "trap '' XFSZ; ulimit -f 8; exec \"$0\" backup --out \"$1\" --store \"$2\"",
            CLIFixture.binary.path, file, f.store
        ]
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": f.directory]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74, "\(stderr)")
        #expect(stderr.hasPrefix("greffe : impossible d'écrire \(file) : "), "\(stderr)")
        #expect(!FileManager.default.fileExists(atPath: file))
        #expect(try leftovers(f).isEmpty)
    }

    @Test func restoreRefusesAnExistingRegisterAndWritesNothing() throws {
        let f = try sample.sampleStore()
        let file = f.directory + "/b.mdb"
        expectExit(try f.greffe(["backup", "--out", file]).status, .ok)
        let before = try f.head()
        let refused = try f.greffe(["restore", file])
        expectExit(refused.status, .storeError)
        #expect(
            refused.stderr
                == "greffe : \(f.store) existe déjà et n'est pas vide ; rien n'a été remplacé (choisissez un dossier nouveau)\n"
        )
        #expect(try f.head() == before)
        #expect(try leftovers(f).isEmpty)
    }

    @Test func restoreRefusesATruncatedOrTamperedBackupAndLeavesNoStore() throws {
        let f = try sample.sampleStore()
        let file = f.directory + "/b.mdb"
        expectExit(try f.greffe(["backup", "--out", file]).status, .ok)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))

        let truncated = f.directory + "/truncated.mdb"
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        let cut = try greffe(f, ["restore", truncated], store: f.directory + "/from-truncated")
        expectExit(cut.status, .verificationFailed)
        #expect(cut.stderr.contains("est tronqué : \(bytes.count / 2) octets"), "\(cut.stderr)")
        #expect(!FileManager.default.fileExists(atPath: f.directory + "/from-truncated"))

        // Every copy of the complaint's motive is changed (names and facts are sealed; motives stay in clear): the
        // record no longer hashes to its hash.
        let tampered = f.directory + "/tampered.mdb"
        let name = Data("insults".utf8), forged = Data("conduct".utf8)
        var altered = bytes
        var found = 0
        while let range = altered.range(of: name) {
            altered.replaceSubrange(range, with: forged)
            found += 1
        }
        #expect(found > 0)
        try altered.write(to: URL(fileURLWithPath: tampered))
        let forgedRestore = try greffe(f, ["restore", tampered], store: f.directory + "/from-tampered")
        expectExit(forgedRestore.status, .verificationFailed)
        #expect(
            forgedRestore.stderr.hasPrefix("greffe : la copie ne se vérifie pas, séquence "), "\(forgedRestore.stderr)")
        #expect(!FileManager.default.fileExists(atPath: f.directory + "/from-tampered"))

        let notABackup = try greffe(f, ["restore", SampleCaseTests.roster], store: f.directory + "/from-csv")
        expectExit(notABackup.status, .usage)
        expectExit(
            try greffe(f, ["restore", f.directory + "/absent.mdb"], store: f.directory + "/from-absent").status,
            .notFound)
        #expect(try leftovers(f).isEmpty)
    }

    // MARK: import

    @Test func exportThenImportGivesTheSameRecordsAndHeadHash() throws {
        let f = try sample.sampleStore()
        let file = try export(f, "export.jsonl")
        let copy = f.directory + "/imported"
        let done = try greffe(f, ["import", file], store: copy)
        expectExit(done.status, .ok, "\(done.stderr)")
        #expect(try head(f, store: copy) == (try f.head()))
        expectExit(try greffe(f, ["audit", "verify"], store: copy).status, .ok)
        // Byte for byte: the copy exports the same file.
        let again = try export(f, "export-again.jsonl", store: copy)
        #expect(try Data(contentsOf: URL(fileURLWithPath: again)) == (try Data(contentsOf: URL(fileURLWithPath: file))))
        // Its indexes are the original's: the same status screen, its texts read with the original's key store.
        #expect(
            try greffe(f, ["--keys", f.store + "/keys", "status", "2026-001"], store: copy).stdout
                == (try f.greffe(["status", "2026-001"], environment: SampleCaseTests.today)).stdout)
        let mode = try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o700)
    }

    @Test func importRefusesPseudonymisedTruncatedTamperedExportsAndANonEmptyTarget() throws {
        let f = try sample.sampleStore()
        let file = try export(f, "export.jsonl")
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
        let target = f.directory + "/imported"

        let anonymous = f.directory + "/anonymous.jsonl"
        expectExit(
            try f.greffe([
                "export", "--format", "jsonl", "--pseudonymise", "--key-file", f.directory + "/k", "--out", anonymous
            ]).status, .ok)
        let pseudonymised = try greffe(f, ["import", anonymous], store: target)
        expectExit(pseudonymised.status, .usage)
        #expect(pseudonymised.stderr.hasPrefix("greffe : export pseudonymisé : "), "\(pseudonymised.stderr)")

        let truncated = f.directory + "/truncated.jsonl"
        try (lines.dropLast(3).joined(separator: "\n") + "\n").write(
            toFile: truncated, atomically: true, encoding: .utf8)
        let cut = try greffe(f, ["import", truncated], store: target)
        expectExit(cut.status, .verificationFailed)
        #expect(
            cut.stderr
                == "greffe : export tronqué : \(lines.count - 4) enregistrement(s) lu(s), l'en-tête en annonce \(lines.count - 1)\n"
        )

        let halfLine = f.directory + "/half-line.jsonl"
        let joined = lines.joined(separator: "\n")
        try String(joined.prefix(joined.count - 40)).write(toFile: halfLine, atomically: true, encoding: .utf8)
        expectExit(try greffe(f, ["import", halfLine], store: target).status, .verificationFailed)

        let tampered = f.directory + "/tampered.jsonl"
        var forged = lines
        forged[5] = forged[5].replacingOccurrences(
            of: "\"occurredOn\":\"2026-01-02\"", with: "\"occurredOn\":\"2026-01-03\"")
        #expect(forged[5] != lines[5])
        try forged.joined(separator: "\n").write(toFile: tampered, atomically: true, encoding: .utf8)
        let altered = try greffe(f, ["import", tampered], store: target)
        expectExit(altered.status, .verificationFailed)
        #expect(
            altered.stderr.hasPrefix("greffe : export refusé à la séquence 5 : le hachage recalculé diffère"),
            "\(altered.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target))

        let before = try f.head()
        let occupied = try f.greffe(["import", file])
        expectExit(occupied.status, .storeError)
        #expect(
            occupied.stderr
                == "greffe : \(f.store) existe déjà et n'est pas vide ; rien n'a été remplacé (choisissez un dossier nouveau)\n"
        )
        #expect(try f.head() == before)
        #expect(try leftovers(f).isEmpty)
    }

    @Test func applyingAnExportPointsToImportAndWritesNothing() throws {
        // Issue 19: `greffe apply export.jsonl` answered « JSON invalide (missing field case) ».
        let f = try sample.sampleStore()
        let file = try export(f, "export.jsonl")
        let before = try f.head()
        let refused = try f.greffe(["apply", file])
        expectExit(refused.status, .usage)
        #expect(
            refused.stderr
                == "greffe : \(file) est un export du journal, pas un fichier d'actes : pour en refaire un registre, `greffe import \(file) --store NOUVEAU-DOSSIER` ; pour mettre une copie à jour, `greffe sync --from \(file)`\n",
            "\(refused.stderr)")
        #expect(try f.head() == before)
    }

    // MARK: sync

    /// The original with its roster only, an auditor's copy imported from its export, then the sample case applied
    /// to the original.
    func originalAndCopy() throws -> (CLIFixture, copy: String, copyHead: String) {
        let f = CLIFixture()
        expectExit(try f.greffe(["init"]).status, .ok)
        expectExit(
            try f.greffe(["members", "import", SampleCaseTests.roster, "--on", "2026-01-02", "--as", "M0001"]).status,
            .ok)
        let early = try export(f, "early.jsonl")
        let copy = f.directory + "/auditor"
        expectExit(try greffe(f, ["import", early], store: copy).status, .ok)
        let copyHead = try head(f, store: copy)
        expectExit(try f.greffe(["apply", SampleCaseTests.sampleCase], environment: SampleCaseTests.today).status, .ok)
        return (f, copy, copyHead)
    }

    @Test func syncFastForwardsACopyThatThenVerifiesLikeTheOriginal() throws {
        let (f, copy, copyHead) = try originalAndCopy()
        let file = try export(f, "later.jsonl")
        let synced = try greffe(f, ["sync", "--from", file], store: copy)
        expectExit(synced.status, .ok, "\(synced.stderr)")
        let newer = (Int(try f.head().split(separator: " ")[0]) ?? 0) - (Int(copyHead.split(separator: " ")[0]) ?? 0)
        #expect(newer > 0)
        #expect(synced.stdout == "\(newer) enregistrement(s) ajouté(s) ; tête \(try f.head())\n", "\(synced.stdout)")
        #expect(try head(f, store: copy) == (try f.head()))
        let audit = try greffe(f, ["audit", "verify"], store: copy)
        expectExit(audit.status, .ok, "\(audit.stdout)")
        #expect(
            try greffe(f, ["agenda"], store: copy).stdout
                == (try f.greffe(["agenda"], environment: SampleCaseTests.today)).stdout)
        let again = try greffe(f, ["sync", "--from", file], store: copy)
        expectExit(again.status, .ok)
        #expect(again.stdout.hasPrefix("Déjà à jour"), "\(again.stdout)")
    }

    @Test func syncRefusesADivergingChainWithItsFirstDifferingSequence() throws {
        let (f, copy, copyHead) = try originalAndCopy()
        // Someone recorded an act in the copy itself: its history no longer continues the original's.
        expectExit(
            try greffe(
                f, ["apply", SampleCaseTests.examples.appendingPathComponent("dossier-en-cours.jsonl").path],
                store: copy
            ).status, .ok)
        let diverged = try head(f, store: copy)
        let file = try export(f, "later.jsonl")
        let refused = try greffe(f, ["sync", "--from", file], store: copy)
        let first = (UInt64(copyHead.split(separator: " ")[0]) ?? 0) + 1
        expectExit(refused.status, .verificationFailed)
        #expect(
            refused.stderr
                == "greffe : historiques divergents : l'export et cette copie diffèrent à la séquence \(first) ; une copie ne fait qu'avancer, rien n'a été écrit\n"
        )
        #expect(try head(f, store: copy) == diverged)
    }

    @Test func syncRefusesAnotherRegistersExportAndATamperedOne() throws {
        let (f, copy, copyHead) = try originalAndCopy()
        let other = f.directory + "/other"
        expectExit(try greffe(f, ["init"], store: other).status, .ok)
        expectExit(
            try greffe(
                f, ["members", "import", SampleCaseTests.roster, "--on", "2026-01-02", "--as", "M0001"], store: other
            ).status, .ok)
        let foreign = try export(f, "other.jsonl", store: other)
        let refused = try greffe(f, ["sync", "--from", foreign], store: copy)
        expectExit(refused.status, .verificationFailed)
        #expect(refused.stderr.hasPrefix("greffe : cet export est celui d'un autre registre"), "\(refused.stderr)")

        let file = try export(f, "later.jsonl")
        var lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[lines.count - 2] = lines[lines.count - 2].replacingOccurrences(of: "\"actor\":\"M", with: "\"actor\":\"x")
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let tampered = try greffe(f, ["sync", "--from", file], store: copy)
        expectExit(tampered.status, .verificationFailed)
        #expect(tampered.stderr.contains("le hachage recalculé diffère"), "\(tampered.stderr)")
        #expect(try head(f, store: copy) == copyHead)
    }
}
