import type { Unit } from "../../shared/unit-types.js";

/**
 * The unit `skillpack new` writes: one example of every block kind, valid as it stands, each text saying
 * what to put there. Designers learn the format by replacing it.
 */
export function starterUnit(id: string, languages: string[], schemaPath: string): Unit {
  const title = id.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());
  return {
    $schema: schemaPath,
    id,
    version: "0.1.0",
    language: languages[0]!,
    languages,
    title,
    description: "What this unit is about, for whom, and which framework competences (LifeComp, EntreComp, DigComp) it builds.",
    hours: 40,
    outcomes: [
      { id: "outcome-1", text: "What a learner can do after this unit, starting with a verb." },
      { id: "outcome-2", text: "A second outcome." },
    ],
    glossary: [{ id: "term-1", term: "A term", definition: "A plain explanation of the term." }],
    sections: [
      {
        id: "start",
        title: "Start here",
        minutes: 60,
        blocks: [
          { kind: "text", id: "start-text", markdown: "### A real situation\n\nStart from a situation at work the learner knows. Use **short sentences** and lists:\n\n- one idea per line\n- plain words" },
          { kind: "image", id: "start-image", src: "assets/example.svg", alt: "Describe what the picture shows and why it matters." },
          { kind: "callout", id: "start-tip", tone: "tip", markdown: "A tip the learner can use today." },
          {
            kind: "selfAssessment", id: "self-check", title: "Where am I now?", instructions: "How true is each sentence for you?",
            scale: [{ value: 1, label: "Almost never" }, { value: 2, label: "Rarely" }, { value: 3, label: "Sometimes" }, { value: 4, label: "Often" }, { value: 5, label: "Almost always" }],
            statements: [{ id: "st-1", text: "A statement about the skill." }, { id: "st-2", text: "Another statement." }],
            bands: [
              { id: "starting", min: 1, max: 2.5, label: "Starting out", feedback: "What to practise first." },
              { id: "growing", min: 2.5, max: 3.75, label: "Growing", feedback: "What to practise next." },
              { id: "strong", min: 3.75, max: 5, label: "Strong", feedback: "How to keep it up and help others." },
            ],
          },
        ],
      },
      {
        id: "practice",
        title: "Practice",
        minutes: 60,
        blocks: [
          { kind: "reflection", id: "reflect-1", prompt: "A question the learner answers in their own words.", maxLength: 150 },
          {
            kind: "scenario", id: "scenario", title: "A situation to play through", start: "n1",
            nodes: [
              { id: "n1", speaker: "Supervisor", text: "What happens first.", choices: [
                { id: "a", text: "A good reply.", feedback: "Why it works.", next: "good", points: 10 },
                { id: "b", text: "A poor reply.", feedback: "What it costs.", next: "poor" },
              ] },
              { id: "good", text: "The good ending.", outcome: "best" },
              { id: "poor", text: "The poor ending.", outcome: "poor" },
            ],
          },
          {
            kind: "sorting", id: "sorting", title: "Sort the cards", instructions: "Put each card where it belongs.",
            categories: [{ id: "helps", label: "Helps" }, { id: "hurts", label: "Hurts" }],
            items: [{ id: "c1", text: "Something that helps.", category: "helps" }, { id: "c2", text: "Something that hurts.", category: "hurts" }],
          },
          {
            kind: "matching", id: "matching", title: "Match the pairs", instructions: "Match each card with its pair.",
            pairs: [{ id: "p1", left: "A word", right: "Its meaning" }, { id: "p2", left: "Another word", right: "Its meaning too" }],
          },
        ],
      },
      {
        id: "check",
        title: "Check yourself",
        minutes: 30,
        blocks: [
          {
            kind: "quiz", id: "quiz", title: "Quiz", passMark: 70, attempts: 3,
            questions: [
              { type: "singleChoice", id: "q1", prompt: "A question with one right answer.", options: [
                { id: "a", text: "The right answer.", correct: true, feedback: "Why it is right." },
                { id: "b", text: "A wrong answer.", correct: false, feedback: "Why it is wrong." },
              ] },
              { type: "trueFalse", id: "q2", prompt: "A statement that is true.", answer: true, feedbackCorrect: "Why it is true.", feedbackWrong: "Why it is true after all." },
            ],
          },
          { kind: "selfAssessmentRetake", id: "self-check-after", selfAssessment: "self-check" },
        ],
      },
    ],
    gamification: {
      pointsPerPage: 5,
      pointsPerReflection: 10,
      levels: [{ id: "level-1", name: "Explorer", minPoints: 0 }, { id: "level-2", name: "Practitioner", minPoints: 40 }],
      badges: [{ id: "badge-scenario", name: "A real achievement", description: "What the learner did to earn it.", criterion: { type: "scenarioOutcome", scenario: "scenario", outcome: "best" } }],
    },
  };
}

export const STARTER_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 160" width="320" height="160" role="img">
<title>Example picture</title>
<rect x="8" y="8" width="304" height="144" rx="16" fill="#f3f5f8" stroke="#1f5fbf" stroke-width="4"/>
<text x="160" y="88" text-anchor="middle" font-family="sans-serif" font-size="20" fill="#1d2430">Replace with your own drawing</text>
</svg>
`;
