import { detectLanguage } from '../../src/scoring/detect-language';
import { tokenizeText } from '../../src/scoring/tokenize-text';

const lang = (text: string) => detectLanguage(text, tokenizeText(text));

describe('detectLanguage', () => {
  it.each([
    ['fr', "Mon colis n'est toujours pas arrivé, c'est une honte"],
    ['es', 'mi pedido todavía no llega y nadie me responde'],
    ['de', 'Der Router startet ständig neu, ich habe keine Geduld mehr'],
    ['pt', 'meu pedido não chegou ainda, já faz duas semanas'],
    ['it', 'il mio ordine non è ancora arrivato e sono molto arrabbiato'],
    ['nl', 'mijn pakket is nog niet bezorgd en ik ben het zat'],
    ['ja', '日本でローミングは使えますか？来週東京に帰省します。料金も教えてください'],
    ['zh', '我的包裹还没有到，客服也不回复'],
    ['ru', 'мой заказ до сих пор не пришёл'],
    ['ar', 'طلبي لم يصل بعد'],
  ])('%s', (code, text) => expect(lang(text)).toBe(code));

  it('keeps English with foreign names and loanwords as English', () => {
    expect(lang('my order from the Café de Paris never arrived and the manager was rude')).toBe('en');
    expect(lang('ok')).toBe('en');
  });

  it('says und when there are no letters', () => {
    expect(lang('😡😡😡 !!!')).toBe('und');
    expect(lang('')).toBe('und');
  });
});
