import Foundation
import GreffeCLITestSupport
import GreffeTestSupport
import Testing

/// Issue 16 through the built binary: ids, read-only commands, damaged, full and foreign stores, tampered exports.
@Suite struct StoreHardeningCommandTests {
    static let complaint = [
        "complaint", "--via", "ticket", "--complainant", "M0006", "--accused", "M0004", "--victim", "M0005",
        "--motive", "insults", "--facts", "Insultes", "--on", "2026-03-02"
    ]

    func size(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    }

    // MARK: Idempotency keys (item 1)

    @Test func emptyCommandIdIsRefusedOnTheCommandLine() throws {
        let f = try ActCommandsTests().rosterStore()
        let before = try f.head()
        for key in ["", "a\u{07}b"] {
            let refused = try f.greffe(Self.complaint + ["--id", key])
            expectExit(refused.status, .usage, "\(refused.stderr)")
            #expect(refused.stderr.contains("--id"))
            #expect(try f.head() == before)
        }
        expectExit(try f.greffe(["audit", "verify"]).status, .ok)
    }

    @Test func emptyCommandIdIsRefusedInApply() throws {
        let f = try ActCommandsTests().rosterStore()
        let before = try f.head()
        let first = try #require(
            try String(contentsOfFile: SampleCaseTests.sampleCase, encoding: .utf8)
                .split(separator: "\n").first)
        let line = first.replacingOccurrences(of: #""commandId":"ex-01""#, with: #""commandId":"""#)
        #expect(line != String(first))
        let file = f.directory + "/vide.jsonl"
        try (line + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        for _ in 1...2 {
            let refused = try f.greffe(["apply", file])
            expectExit(refused.status, .refused, "\(refused.stderr)")
            #expect(refused.stderr.contains("ligne 1") && refused.stderr.contains("commandId"), "\(refused.stderr)")
            #expect(try f.head() == before)
        }
        expectExit(try f.greffe(["audit", "verify"]).status, .ok)
    }

    // MARK: Read-only commands (item 6)

    @Test func logVerifyOnAZeroByteDataFileLeavesItAlone() throws {
        let f = CLIFixture()
        try FileManager.default.createDirectory(atPath: f.store, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: f.store + "/data.mdb", contents: nil))
        for command in [["log", "verify"], ["status", "2026-001"], ["log", "show"], ["cases"]] {
            let result = try f.greffe(command)
            expectExit(result.status, .storeError, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("magasin endommagé"), "\(result.stderr)")
            #expect(try size(f.store + "/data.mdb") == 0, "\(command) must not write the data file")
        }
    }

    @Test func readingCommandsOpenTheStoreReadOnly() throws {
        let f = try SampleCaseTests().sampleStore()
        let data = f.store + "/data.mdb"
        // The data file cannot be opened for writing (even by root): a command that asks for write access fails.
        let undo = try makeImmutable(data)
        defer { undo() }
        let today = SampleCaseTests.today
        for command in [
            ["log", "verify"], ["log", "show", "--limit", "2"], ["status", "2026-001"], ["agenda"],
            ["cases"], ["history", "2026-001"], ["members", "list"], ["members", "show", "M0004"],
            ["audit", "verify"], ["audit", "report"], ["audit", "replay", "--until", "3"],
            ["export", "--format", "jsonl"], ["dossier", "2026-001", "--out", f.directory + "/d.html"],
            ["rulebook", "list"]
        ] {
            let result = try f.greffe(command, environment: today)
            expectExit(result.status, .ok, "\(command): \(result.stderr)")
        }
        let act = try f.greffe(
            ["report", "--case", "2026-001", "--concerning", "M0004", "--description", "x"], environment: today)
        expectExit(act.status, .storeError, "an act still needs write access: \(act.stderr)")
    }

    // MARK: Export of a tampered store (item 7)

    @Test func aTamperedStoreIsNotExported() throws {
        let f = try SampleCaseTests().sampleStore()
        // The facts are sealed: the byte flipped is in the channel, which stays in clear.
        try flipByte(inRecordOf: f, containing: "privateTicket")
        let out = f.directory + "/export.jsonl"
        let refused = try f.greffe(["export", "--format", "jsonl", "--out", out])
        expectExit(refused.status, .verificationFailed, "\(refused.stderr)")
        #expect(refused.stderr.contains("rien n'a été exporté"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try f.greffe(["export", "--format", "jsonl"]).stdout.isEmpty)
    }

    // MARK: A truncated data file (item 8)

    @Test func aTruncatedDataFileIsReportedByEveryCommand() throws {
        let f = try SampleCaseTests().sampleStore()
        let data = f.store + "/data.mdb"
        #expect(try size(data) > 20_000)
        #expect(truncate(data, 20_000) == 0)
        for command in [
            ["log", "verify"], ["status", "2026-001"], ["cases"], ["audit", "verify"], ["export", "--format", "jsonl"],
            ["report", "--case", "2026-001", "--concerning", "M0004", "--description", "x", "--on", "2026-03-01"]
        ] {
            let result = try f.greffe(command)
            expectExit(result.status, .storeError, "\(command): status \(result.status) \(result.stderr)")
            #expect(
                result.stderr.contains("magasin endommagé : fichier plus court que sa dernière page"),
                "\(result.stderr)")
        }
        let english = try f.greffe(["cases", "--lang", "en"])
        #expect(english.stderr.contains("store damaged: file shorter than its last page"), "\(english.stderr)")
        #expect(try size(data) == 20_000)
    }

    // MARK: A full disk (item 9) and another user's store

    @Test func initOnAFullFileSystemFailsCleanly() throws {
        // Two file systems: one with a few pages left (LMDB's own writes fail), one with none at all (LMDB wrote into
        // the map of a lock file without blocks behind it: SIGBUS).
        for (kilobytes, filler) in [(16, 0), (64, 128)] {
            let f = CLIFixture()
            let mount = f.directory + "/petit"
            try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
            let mounted = try runProcess(
                URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", mount])
            guard mounted.status == 0 else {
                print("skipped: cannot mount a small tmpfs here (mount needs root): \(mounted.output)")
                return
            }
            defer { _ = try? runProcess(URL(fileURLWithPath: "/bin/umount"), [mount]) }
            if filler > 0 {
                // Fill it: dd stops with "no space left", which is the point.
                _ = try runProcess(
                    URL(fileURLWithPath: "/bin/dd"), ["if=/dev/zero", "of=\(mount)/filler", "bs=1k", "count=\(filler)"])
            }
            let before = try FileManager.default.contentsOfDirectory(atPath: mount)
            let store = mount + "/registre"
            let result = try f.greffe(["init", "--store", store], withStore: false)
            expectExit(result.status, .storeError, "\(kilobytes) KiB: status \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("disque plein"), "\(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: mount) == before, "nothing left behind")
            let english = try f.greffe(["init", "--store", store, "--lang", "en"], withStore: false)
            #expect(english.stderr.contains("disk full"), "\(english.stderr)")
        }
    }

    @Test func aStoreWithASparseLockFileOnAFullDiskSaysDiskFull() throws {
        // LMDB makes lock.mdb sparse (an older init did, and LMDB does again when it is deleted): on a full file
        // system, the first write into its map killed every command with SIGBUS.
        let f = CLIFixture()
        let mount = f.directory + "/petit"
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        let mounted = try runProcess(
            URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=256k", "tmpfs", mount])
        guard mounted.status == 0 else {
            print("skipped: cannot mount a small tmpfs here (mount needs root): \(mounted.output)")
            return
        }
        defer { _ = try? runProcess(URL(fileURLWithPath: "/bin/umount"), [mount]) }
        let store = mount + "/registre"
        expectExit(try f.greffe(["init", "--store", store], withStore: false).status, .ok)
        try FileManager.default.removeItem(atPath: store + "/lock.mdb")
        #expect(FileManager.default.createFile(atPath: store + "/lock.mdb", contents: nil))
        #expect(truncate(store + "/lock.mdb", 8192) == 0)
        _ = try runProcess(
            URL(fileURLWithPath: "/bin/dd"), ["if=/dev/zero", "of=\(mount)/filler", "bs=1k", "count=1024"])
        for command in [
            ["cases"],
            ["report", "--case", "2026-001", "--concerning", "M0004", "--description", "x", "--on", "2026-03-01"]
        ] {
            let result = try f.greffe(command + ["--store", store], withStore: false)
            expectExit(result.status, .storeError, "\(command): status \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("disque plein"), "\(result.stderr)")
        }
        try FileManager.default.removeItem(atPath: mount + "/filler")
        expectExit(try f.greffe(["log", "verify", "--store", store], withStore: false).status, .ok)
    }

    @Test func aStoreOwnedByAnotherUserIsPermissionDenied() throws {
        let f = try ActCommandsTests().rosterStore()
        let result: CLIFixture.Result
        if geteuid() == 0 {
            // The store is root's (0700); the command runs as nobody.
            result = try f.greffe(["cases"], environment: [:], asUser: 65_534)
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: f.store)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: f.store) }
            result = try f.greffe(["cases"])
        }
        expectExit(result.status, .storeError, "\(result.stderr)")
        #expect(result.stderr.contains("permission refusée"), "\(result.stderr)")
        #expect(!result.stderr.contains("n'est pas un magasin"))
    }
}

/// Flips one byte inside the payload of the first record whose bytes contain `text`, behind the log's back (with the
/// `lmdb` Python binding, as an intruder would).
func flipByte(inRecordOf f: CLIFixture, containing text: String) throws {
    let script = """
        import lmdb, sys
        env = lmdb.open(sys.argv[1], max_dbs=8)
        records = env.open_db(b"records")
        with env.begin(write=True) as txn:
            for key, value in txn.cursor(db=records):
                at = value.find(sys.argv[2].encode())
                if at >= 0:
                    changed = bytearray(value)
                    changed[at] ^= 0x01
                    txn.put(key, bytes(changed), db=records)
                    print("flipped", int.from_bytes(key, "big"))
                    break
        """
    let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, f.store, text])
    #expect(result.status == 0 && result.output.hasPrefix("flipped"), "\(result.output)")
}

/// Makes a file impossible to open for writing, even for root (`chattr +i`), or mode 0400 for another user.
func makeImmutable(_ path: String) throws -> () -> Void {
    if geteuid() == 0 {
        let chattr = URL(fileURLWithPath: "/usr/bin/chattr")
        let result = try runProcess(chattr, ["+i", path])
        #expect(result.status == 0, "chattr +i failed: \(result.output)")
        return { _ = try? runProcess(chattr, ["-i", path]) }
    }
    try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: path)
    return { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path) }
}
