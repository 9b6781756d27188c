/** The handout's own words, in the languages skillpack ships; another language gets English ones. */
const LABELS = {
  en: {
    notebook: "Learner's notebook",
    hours: "{hours} academic hours",
    outcomes: "What you will be able to do",
    name: "Your name",
    glossary: "Glossary",
    minutes: "About {minutes} minutes",
    online: "Listen to this in the online unit.",
    scenario: "Play this scenario in the online unit, then write here what you chose and why.",
    quiz: "Take this quiz in the online unit.",
  },
  lt: {
    notebook: "Besimokančiojo užrašai",
    hours: "Akademinių valandų: {hours}",
    outcomes: "Ką išmoksite",
    name: "Jūsų vardas",
    glossary: "Žodynėlis",
    minutes: "Apie {minutes} min.",
    online: "Šį įrašą klausykite internetiniame modulyje.",
    scenario: "Šią situaciją išbandykite internetiniame modulyje, tada čia užrašykite, ką pasirinkote ir kodėl.",
    quiz: "Šį testą atlikite internetiniame modulyje.",
  },
  pl: {
    notebook: "Zeszyt uczestnika",
    hours: "Godziny dydaktyczne: {hours}",
    outcomes: "Czego się nauczysz",
    name: "Twoje imię",
    glossary: "Słowniczek",
    minutes: "Około {minutes} min",
    online: "Wysłuchaj tego nagrania w module online.",
    scenario: "Przejdź ten scenariusz w module online, a potem zapisz tutaj, co wybrałeś/wybrałaś i dlaczego.",
    quiz: "Ten test rozwiąż w module online.",
  },
} as const;

export type NotebookLabels = { [K in keyof (typeof LABELS)["en"]]: string };

export const notebookLabels = (language: string): NotebookLabels =>
  (LABELS as Record<string, NotebookLabels>)[language.split("-")[0]!] ?? LABELS.en;
