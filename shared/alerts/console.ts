import type { AlertMessage } from './types';

/** An alert as the embedded mode prints it: the subject framed by rules, then the text body. Text is already inert. */
export const formatAlertForConsole = (msg: AlertMessage): string => {
  const rule = '-'.repeat(Math.min(100, Math.max(40, msg.subject.length)));
  return `${rule}\n${msg.subject}\n${rule}\n${msg.text}`;
};
