import { attachmentRequisite, personalGreeting } from '../../../core/format/greeting';

describe('обращение и отметка о приложении', () => {
  test.each([
    [{ firstName: 'Любовь', middleName: 'Петровна' }, 'Уважаемая Любовь Петровна!'],
    [{ firstName: 'Владимир', middleName: 'Анатольевич' }, 'Уважаемый Владимир Анатольевич!'],
    [{ firstName: 'Саша', middleName: 'Женевна', gender: 'м' as const }, 'Уважаемый Саша Женевна!'],
    [{ firstName: 'Иван' }, undefined],
  ])('%o → %s', (person, expected) => {
    expect(personalGreeting(person)).toBe(expected);
  });

  test('одно приложение, несколько, только число листов, ничего', () => {
    expect(attachmentRequisite([{ title: 'Список школ', sheets: 2 }])).toBe('Приложение: Список школ на 2 л. в 1 экз.');
    expect(attachmentRequisite([{ title: 'Список ШНОР' }, { title: 'Список школ ВПР', sheets: 1 }])).toBe(
      'Приложение: 1. Список ШНОР в 1 экз.\n2. Список школ ВПР на 1 л. в 1 экз.',
    );
    expect(attachmentRequisite([], 11)).toBe('Приложение: на 11 л. в 1 экз.');
    expect(attachmentRequisite([])).toBe('');
  });
});
