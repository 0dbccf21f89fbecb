/**
 * What went wrong with the file system, in the words a user understands — never Node's English
 * "EACCES: permission denied, open …" and never a stack trace. The phrases fill the `detail` of
 * FILE_UNREADABLE and OUTPUT_UNWRITABLE.
 */

const DETAILS: Readonly<Record<string, string>> = {
  ENOENT: 'файл не найден',
  EACCES: 'нет доступа',
  EPERM: 'нет доступа',
  EISDIR: 'это папка',
  ENOTDIR: 'в пути вместо папки стоит файл',
  EEXIST: 'файл уже существует',
  ENOSPC: 'на диске нет места',
  EDQUOT: 'превышена квота на диске',
  EBUSY: 'файл занят другой программой',
  EROFS: 'диск доступен только для чтения',
  ENAMETOOLONG: 'слишком длинный путь',
  EMFILE: 'открыто слишком много файлов',
  ENFILE: 'открыто слишком много файлов',
  EIO: 'ошибка ввода-вывода диска',
  ELOOP: 'символические ссылки указывают друг на друга',
};

/** The errno code of a Node file-system error (ENOENT…), if there is one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** A short Russian phrase for a file-system error: «файл не найден», «нет доступа», «это папка»… */
export function describeFsError(error: unknown): string {
  const code = errorCode(error);
  if (code !== undefined) return DETAILS[code] ?? `ошибка файловой системы ${code}`;
  return 'неизвестная ошибка файловой системы';
}
