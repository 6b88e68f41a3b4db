/**
 * How a record's own text spells what a narrative names in plain words: the form fields of login
 * pages (WordPress `log` and `pwd`, `passwd`, `uname`) and header names. `log` counts only as a
 * form field (`log=`): as a word it is everywhere ("Notice::ACTION_LOG", "auth.log"). A narrative that says
 * "password" of a payload holding `pwd=admin123` is reading the record, not inventing.
 * Keys are singular; a plural in the text is looked up without its final s.
 */
export const TERM_EVIDENCE: Readonly<Record<string, readonly string[]>> = {
  password: ['password', 'passwd', 'pwd', 'pass', 'passphrase'],
  credential: ['password', 'passwd', 'pwd', 'pass', 'login', 'username', 'user', 'log=', 'uname', 'auth', 'authorization'],
  username: ['username', 'user', 'uname', 'login', 'log=', 'userid'],
  user: ['username', 'user', 'uname', 'login', 'log=', 'userid'],
  login: ['login', 'log=', 'signin', 'logon', 'wp-login'],
  agent: ['user-agent', 'useragent', 'agent'],
};
