import ArgumentParser

/// The `greffe` command: the registry of an association's disciplinary procedures.
public struct GreffeCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "greffe",
        abstract: "Registre des procédures disciplinaires d'une association (journal d'événements LMDB chaîné).",
        discussion: """
            Chaque acte d'un dossier est un événement d'un journal en ajout seul, chaîné par SHA-256.
            Messages en français par défaut ; --lang en (ou une locale en_*) pour l'anglais.

            Magasin : --store DIR, sinon la variable GREFFE_STORE, sinon ~/.local/share/greffe/store.

            Codes de sortie / exit codes:
              0   succès / success
              64  usage incorrect (option, date ou valeur invalide) / usage error
              65  refusé par une règle du règlement (R01…R35) / refused by a rule
              66  introuvable (magasin, dossier, membre, fichier) / not found
              74  erreur du magasin (format inconnu, droits, LMDB) / store error
              75  conflit d'écriture concurrente : relire et réessayer / conflict, retry
              79  vérification échouée (journal altéré) / verification failed

            Exemples :
              greffe init --store ./registre
              greffe log verify --store ./registre
              greffe log show --store ./registre --from 1 --limit 20 --json
            """,
        version: "0.1.0",
        subcommands: [Init.self, Members.self, Apply.self, Cell.self, Status.self, Agenda.self, Cases.self, History.self, Log.self, Audit.self, Export.self]
    )
}
