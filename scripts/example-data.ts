// The example street's data for tests and scripts: members (true values), projects, the expected summary
// figures, and the sheet layouts with every deliberate mess and the issues it must raise.
//   import { exampleMembers, expectedFigures, exampleSheets, plantedIssues } from "../scripts/example-data";
export * from "./example-members";
export * from "./example-figures";
export * from "./example-sheets";
