import Foundation

/// Prints an HTML document to PDF with headless Chromium, without the browser's own header and footer.
///
/// Greffe draws nothing itself: the page layout is the document's print stylesheet (A4), laid out by the browser.
public enum ChromiumPDF {
    /// Why no PDF was made.
    public enum Failure: Error, Equatable, Sendable {
        /// No Chromium on this machine.
        case missing
        /// Chromium ran and made no PDF (its exit status and the end of what it said).
        case failed(status: Int32, message: String)

        public var fr: String {
            switch self {
            case .missing:
                "Chromium est introuvable : installez-le (Debian, Ubuntu : sudo apt install chromium ; macOS : "
                    + "brew install --cask chromium) ou donnez son chemin dans GREFFE_CHROMIUM. En attendant : "
                    + "--format html, puis « Imprimer » dans un navigateur, en-têtes et pieds de page décochés"
            case let .failed(status, message): "Chromium n'a pas produit de PDF (code \(status)) : \(message)"
            }
        }

        public var en: String {
            switch self {
            case .missing:
                "Chromium not found: install it (Debian, Ubuntu: sudo apt install chromium; macOS: "
                    + "brew install --cask chromium) or give its path in GREFFE_CHROMIUM. Meanwhile: --format html, "
                    + "then “Print” in a browser with headers and footers unticked"
            case let .failed(status, message): "Chromium made no PDF (status \(status)): \(message)"
            }
        }
    }

    /// `GREFFE_CHROMIUM`, else the first of chromium, chromium-browser, google-chrome on the PATH.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let given = environment["GREFFE_CHROMIUM"], !given.isEmpty {
            return FileManager.default.isExecutableFile(atPath: given) ? given : nil
        }
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The PDF of `html`, printed in a private temporary folder that is removed afterwards.
    public static func print(_ html: String) throws(Failure) -> Data {
        guard let chromium = locate() else { throw .missing }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("greffe-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: false,
                attributes: [.posixPermissions: 0o700])
            let page = folder.appendingPathComponent("dossier.html")
            try Data(html.utf8).write(to: page)
            let pdf = folder.appendingPathComponent("dossier.pdf")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            var arguments = [
                "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--no-pdf-header-footer", "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                "--print-to-pdf=\(pdf.path)", page.absoluteString
            ]
            // Chromium refuses to start its sandbox as root (containers, CI).
            if getuid() == 0 { arguments.insert("--no-sandbox", at: 1) }
            process.arguments = arguments
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let said = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard let data = try? Data(contentsOf: pdf), data.starts(with: Data("%PDF".utf8)) else {
                let tail = String(decoding: said.suffix(400), as: UTF8.self).trimmingCharacters(
                    in: .whitespacesAndNewlines)
                throw Failure.failed(status: process.terminationStatus, message: tail.isEmpty ? "—" : tail)
            }
            return data
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .failed(status: -1, message: "\(error.localizedDescription)")
        }
    }
}
