import hashlib
import hmac
import base64
import json
import time
import pyaudio
import threading
from urllib.parse import quote
from websocket import create_connection, WebSocketConnectionClosedException
from webapi import smtu

# 打开config.json文件
with open('config.json', 'r', encoding='utf-8') as f:
    config = json.load(f)
    APP_ID = config.get('IFLYTEK_appid', 'your_app_id')
    API_KEY = config.get('IFLYTEK_apikey', 'your_api_key')
    UI_ENABLE = config.get('ui_enable', True)

END_TAG = json.dumps({"end": True})

# 音频配置
FORMAT = pyaudio.paInt16
CHANNELS = 1
RATE = 16000
FRAMES_PER_BUFFER = 1280

result_content = ""

# 全局变量
stop_event = None
record_thread = None
recv_thread = None

time_during = 0
timer_running = False


#打开audio.txt文件
with open('audio.txt', 'r', encoding='utf-8') as f:
    audio_path = f.read().strip()

def generate_signa(app_id: str, api_key: str, ts: str) -> str:
    """
    根据appid、apikey和时间戳计算签名
    """
    md5 = hashlib.md5((app_id + ts).encode('utf-8')).hexdigest().encode('utf-8')
    signature = base64.b64encode(hmac.new(api_key.encode('utf-8'), md5, hashlib.sha1).digest())
    return quote(signature.decode('utf-8'))


def connect_ws(app_id: str, api_key: str) -> object:
    """
    建立WebSocket连接并返回ws对象
    """
    ts = str(int(time.time()))
    signa = generate_signa(app_id, api_key, ts)
    url = f"ws://rtasr.xfyun.cn/v1/ws?appid={app_id}&ts={ts}&signa={signa}"
    ws = create_connection(url)
    return ws

