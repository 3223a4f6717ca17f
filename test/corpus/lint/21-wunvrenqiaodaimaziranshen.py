# -*- encoding:utf-8 -*-
# 2020/2/19   修改人员：monster water
from pydub import AudioSegment
import io
import sys
import wave
import hashlib
from hashlib import sha1
import hmac
import base64
from socket import *
import json, time, threading
from websocket import create_connection
import websocket
from urllib.parse import quote
import logging
import importlib
importlib.reload(sys)
logging.basicConfig()

base_url = "ws://rtasr.xfyun.cn/v1/ws"
app_id = "8a286bfe"  # 控制台应用里得到   注意是实时语音转写
api_key = "1f74105083654573c1357cbe62a29607"  # 同上
file_path = "audio2.wav"  # 语音文件名 修改成自己的注意路径
MIN_LENGTH = 3
end_tag = "{\"end\": true}"

class Client():
    def __init__(self):
        # 生成鉴权参数
        ts = str(int(time.time()))
        tmp = app_id + ts
        hl = hashlib.md5()
        hl.update(tmp.encode(encoding='utf-8'))
        h2 = hl.hexdigest()
        apikey = (bytes(api_key.encode('utf-8')))
        h2 = h2.encode('utf-8')
        my_sign = hmac.new(apikey, h2, sha1).digest()
        signa = base64.b64encode(my_sign).decode('utf-8')
        self.ws = create_connection(base_url + "?appid=" + app_id + "&ts=" + ts + "&signa=" + quote(signa))
        self.trecv = threading.Thread(target=self.recv)
        self.trecv.start()

