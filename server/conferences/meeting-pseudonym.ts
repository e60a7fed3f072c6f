// The function lives with the cases, whose erasure needs it too; conferences keep importing it from here.
export { meetingPseudonym } from "../cases/meeting-pseudonym";
