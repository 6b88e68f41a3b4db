/**
 * Adjectives of judgement or degree: after "is" they say what the writer makes of a value, they do
 * not quote one ("the duration is unusual", "the severity is high").
 */
export const EVALUATIVE_WORDS = new Set([
  'unusual', 'usual', 'normal', 'abnormal', 'typical', 'atypical', 'common', 'rare', 'uncommon', 'expected', 'unexpected', 'high', 'higher', 'low', 'lower', 'large', 'larger', 'small',
  'smaller', 'long', 'longer', 'short', 'shorter', 'suspicious', 'benign', 'malicious', 'legitimate', 'anomalous', 'elevated', 'significant', 'notable', 'unknown', 'unclear', 'consistent',
  'inconsistent', 'missing', 'absent', 'present', 'empty', 'zero', 'none', 'null', 'set', 'unset', 'valid', 'invalid', 'important', 'relevant', 'interesting', 'odd', 'strange', 'likely',
  'unlikely', 'possible', 'clear', 'obvious', 'different', 'identical', 'equal', 'same', 'similar', 'concerning', 'worrying', 'harmless', 'dangerous', 'noteworthy',
]);
